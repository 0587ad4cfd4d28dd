/**
 * Where actors go: resource shapes parsed from {@code @Gpu} and actor options, the cluster's per-node ledgers, the
 * {@code PACK} and {@code SPREAD} placement policies, and the scheduler with its pending queue. Pure Java with no
 * Pekko, so the resource manager actor, the unit tests and the placement simulator all run the same code.
 */
package io.prism.runtime.placement;
