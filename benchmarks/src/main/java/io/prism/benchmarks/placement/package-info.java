/**
 * How fast Prism's scheduler places actors on a large cluster: the placement simulator's replay of a steady churn
 * of fractional actors on 1,000 nodes × 8 GPUs, timed per placing {@code submit}, with the GPUs it used against
 * the ⌈Σ fractions⌉ lower bound.
 */
package io.prism.benchmarks.placement;
