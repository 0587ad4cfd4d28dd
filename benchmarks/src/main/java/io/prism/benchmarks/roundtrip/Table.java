package io.prism.benchmarks.roundtrip;

import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the comparison: each figure for Prism and both baselines, and the ratios Prism/baseline. */
final class Table {
    /** Pipelined throughput of Prism against baseline A that the project aims for. */
    private static final double AIM = 0.80;

    private final Settings settings;
    private final Figures prism;
    private final Figures tell;
    private final Figures ask;

    Table(Settings settings, List<Figures> figures) {
        this.settings = settings;
        this.prism = figures.get(0);
        this.tell = figures.get(1);
        this.ask = figures.get(2);
    }

    void print(PrintStream out, double elapsedSeconds, double loadBefore, double loadAfter) {
        out.println();
        out.printf(Locale.ROOT, "Prism handle.call against raw Pekko request/reply, one JVM: Java %s, %d cores, "
                + "%d rounds of %.1f s phases after a %.0f s soak and a %.1f s warm-up of each, %.0f s in all; load average %.2f "
                + "before, %.2f after%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), settings.rounds(),
            settings.seconds(), settings.soakSeconds(), settings.warmupSeconds(), elapsedSeconds, loadBefore, loadAfter);
        out.println("A: tell with a correlation id to one long-lived reply actor; B: AskPattern.ask (a temporary "
            + "actor per call).");
        out.println("Latency: pooled over all rounds, lower is better (a ratio above 1 means Prism is slower). "
            + "Throughput: median of the rounds, higher is better.");
        out.println();
        out.printf(Locale.ROOT, "%-34s %12s %12s %12s %9s %9s%n", "figure", prism.target.name(),
            tell.target.name(), ask.target.name(), "Prism/A", "Prism/B");
        out.println("-".repeat(34 + 13 * 3 + 10 * 2));
        row(out, "sync round trip p50 (µs)", f -> f.syncLatencies.percentile(0.50) / 1e3, "%.1f");
        row(out, "sync round trip p99 (µs)", f -> f.syncLatencies.percentile(0.99) / 1e3, "%.1f");
        row(out, "sync round trips/s (1 caller)", f -> Figures.median(f.syncRates), "%,.0f");
        int[] windows = settings.windows();
        for (int i = 0; i < windows.length; i++) {
            int w = i;
            row(out, "pipelined calls/s, " + windows[w] + " in flight",
                f -> Figures.median(f.windowRates.get(w)), "%,.0f");
            row(out, "  latency p50 at " + windows[w] + " in flight (µs)",
                f -> f.windowLatencies[w].percentile(0.50) / 1e3, "%.1f");
            row(out, "  latency p99 at " + windows[w] + " in flight (µs)",
                f -> f.windowLatencies[w].percentile(0.99) / 1e3, "%.1f");
        }
        out.println();
        aim(out, windows);
        double p50 = prism.syncLatencies.percentile(0.50) / 1e3;
        BenchReport.record("in-JVM call", "sync round trip p50", "µs", p50, "tell+id",
            tell.syncLatencies.percentile(0.50) / 1e3, Aim.NONE);
        BenchReport.record("in-JVM call", "sync round trip p50", "µs", p50, "ask", ask.syncLatencies.percentile(0.50) / 1e3,
            Aim.NONE);
        for (int i = 0; i < windows.length; i++) {
            BenchReport.record(BenchReport.Row.of("in-JVM call", "pipelined, " + windows[i] + " in flight", "calls/s",
                    Figures.median(prism.windowRates.get(i)), "tell+id", Figures.median(tell.windowRates.get(i)),
                    Aim.ratioAtLeast(AIM))
                .withRatio(Figures.median(perRound(prism.windowRates.get(i), tell.windowRates.get(i)))));
        }
        long failures = prism.failures + tell.failures + ask.failures;
        if (failures > 0) {
            out.printf(Locale.ROOT, "failed calls: Prism %d, A %d, B %d (each counted in the figures above)%n",
                prism.failures, tell.failures, ask.failures);
        }
    }

    private void row(PrintStream out, String figure, ToDoubleFunction<Figures> value, String format) {
        double p = value.applyAsDouble(prism);
        double a = value.applyAsDouble(tell);
        double b = value.applyAsDouble(ask);
        out.printf(Locale.ROOT, "%-34s %12s %12s %12s %9s %9s%n", figure, String.format(Locale.ROOT, format, p),
            String.format(Locale.ROOT, format, a), String.format(Locale.ROOT, format, b), ratio(p, a), ratio(p, b));
    }

    /**
     * The aim, judged by the median of the per-round ratios: each round measures Prism and A seconds apart, so a
     * disturbance of the machine that hits one round moves both, and the paired ratio holds better than either.
     */
    private void aim(PrintStream out, int[] windows) {
        List<String> ratios = new ArrayList<>();
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < windows.length; i++) {
            List<Double> perRound = perRound(prism.windowRates.get(i), tell.windowRates.get(i));
            double r = Figures.median(perRound);
            worst = Math.min(worst, r);
            ratios.add(String.format(Locale.ROOT, "%.2f× at %d in flight", r, windows[i]));
        }
        out.printf(Locale.ROOT, "Aim: Prism pipelined throughput ≥ %.2f× raw tell (A), as the median of the "
            + "per-round ratios. Measured: %s: %s.%n", AIM, String.join(", ", ratios), worst >= AIM ? "met"
            : "NOT met");
        out.println("Prism/A throughput per round (the spread of the measurement):");
        for (int i = 0; i < windows.length; i++) {
            List<String> each = new ArrayList<>();
            for (double r : perRound(prism.windowRates.get(i), tell.windowRates.get(i))) {
                each.add(String.format(Locale.ROOT, "%.2f", r));
            }
            out.printf(Locale.ROOT, "  %5d in flight: %s%n", windows[i], String.join(" ", each));
        }
    }

    private static List<Double> perRound(List<Double> prism, List<Double> baseline) {
        List<Double> ratios = new ArrayList<>(prism.size());
        for (int r = 0; r < prism.size(); r++) {
            ratios.add(prism.get(r) / baseline.get(r));
        }
        return ratios;
    }

    private static String ratio(double prism, double baseline) {
        return baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", prism / baseline);
    }
}
