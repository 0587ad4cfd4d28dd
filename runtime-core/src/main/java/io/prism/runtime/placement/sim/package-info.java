/**
 * The placement simulator's engine: workloads (a compact spec, random mixes, churn, CSV traces) replayed on a
 * simulated cluster through the real {@code Scheduler} and its policies, with a simulated clock, and one result row
 * per policy against the lower bound ⌈Σ fractions⌉ and a whole-GPU-per-actor baseline. Pure Java, like the
 * placement package it drives; {@code bin/prism simulate} prints what it returns.
 */
package io.prism.runtime.placement.sim;
