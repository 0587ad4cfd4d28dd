/**
 * The fractional GPU ledger of one node: which actor incarnation holds how many units (of 10,000 per GPU), how much
 * device memory and how many CPU millis. It is the only place allocations are counted, so it enforces the
 * invariants itself: no GPU is ever over-committed, and every allocation is released exactly once.
 */
package io.prism.resources.ledger;
