package io.prism.benchmarks.roundtrip;

import java.util.ArrayList;
import java.util.List;

/**
 * What one mechanism measured over all rounds: latencies pooled across rounds, throughput per round (reported as
 * the median, so one round disturbed by a GC or by the machine does not move the figure).
 */
final class Figures {
    final RoundTrip target;
    final Histogram syncLatencies = new Histogram();
    final List<Double> syncRates = new ArrayList<>();
    final Histogram[] windowLatencies;
    final List<List<Double>> windowRates = new ArrayList<>();
    /** CPU microseconds per call, per round, of each window (only where the harness reads CPU time). */
    final List<List<Double>> windowCpu = new ArrayList<>();
    long failures;

    Figures(RoundTrip target, int windows) {
        this.target = target;
        this.windowLatencies = new Histogram[windows];
        for (int i = 0; i < windows; i++) {
            windowLatencies[i] = new Histogram();
            windowRates.add(new ArrayList<>());
            windowCpu.add(new ArrayList<>());
        }
    }

    void addSync(Measure.Result r) {
        syncLatencies.add(r.latencies());
        syncRates.add(r.perSecond());
        failures += r.failures();
    }

    void addWindow(int i, Measure.Result r) {
        windowLatencies[i].add(r.latencies());
        windowRates.get(i).add(r.perSecond());
        windowCpu.get(i).add(r.cpuMicrosPerCall());
        failures += r.failures();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
