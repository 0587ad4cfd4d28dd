package io.prism.runtime.placement.sim;

import io.prism.PlacementStrategy;

/**
 * What one policy did with one workload, measured after the workload's last event. GPU figures count the actors
 * placed at that moment.
 *
 * @param policy           the placement policy every request asked for
 * @param requested        arrivals
 * @param placed           arrivals placed, at once or after waiting
 * @param pending          still waiting at the end
 * @param leftWaiting      departed before they were ever placed
 * @param waited           arrivals that had to wait (placed later, left waiting, or still pending)
 * @param waitP50Seconds   median simulated wait of those, up to placement, departure or the end
 * @param waitMaxSeconds   longest such wait
 * @param gpusUsed         GPUs holding at least one actor
 * @param peakGpusUsed     the most GPUs in use at any moment of the run
 * @param gpusTotal        GPUs in the cluster
 * @param lowerBound       ⌈Σ fractions⌉ of the placed actors: no placement can use fewer GPUs
 * @param ratio            {@code gpusUsed / lowerBound}; 1 is perfect, 0 when nothing is placed
 * @param wholeGpuBaseline GPUs the placed actors would use with a GPU (or their whole-GPU count) each
 * @param savingPercent    share of the baseline's GPUs this policy does without
 * @param placeP50Micros   median time of a {@code submit} that placed its request, decision and reservation
 * @param placeP99Micros   99th percentile of the same
 * @param pendingThatFits  waiting requests that fit some GPU at the end, checked by brute force; must be 0
 * @param simulatedSeconds simulated time from the start to the last event
 * @param wallMillis       real time the run took
 */
public record PolicyResult(PlacementStrategy policy, int requested, int placed, int pending, int leftWaiting,
                           int waited, double waitP50Seconds, double waitMaxSeconds, long gpusUsed,
                           long peakGpusUsed, long gpusTotal, long lowerBound, double ratio, long wholeGpuBaseline,
                           double savingPercent, double placeP50Micros, double placeP99Micros, int pendingThatFits,
                           double simulatedSeconds, long wallMillis) {
}
