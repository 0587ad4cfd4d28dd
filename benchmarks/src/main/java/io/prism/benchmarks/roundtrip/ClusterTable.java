package io.prism.benchmarks.roundtrip;

import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the cross-JVM comparison: Prism, the raw baselines, and Prism's ratios to raw {@code tell}. */
final class ClusterTable {
    private static final double SYNC_AIM = 1.10;
    private static final double ASYNC_AIM = 0.80;
    private static final double CREATES_AIM = 2000;

    private final Settings settings;
    private final Figures prism;
    private final Figures tell;
    private final Figures ask;
    private final Figures socket;
    private final ClusterPrismEcho.Churn cold;
    private final ClusterPrismEcho.Churn churn;

    /** {@code figures}: Prism, tell, ask, socket, in that order. */
    ClusterTable(Settings settings, List<Figures> figures, ClusterPrismEcho.Churn cold, ClusterPrismEcho.Churn churn) {
        this.settings = settings;
        this.prism = figures.get(0);
        this.tell = figures.get(1);
        this.ask = figures.get(2);
        this.socket = figures.get(3);
        this.cold = cold;
        this.churn = churn;
    }

    void print(PrintStream out, double elapsedSeconds, double loadBefore, double loadAfter) {
        out.println();
        out.printf(Locale.ROOT, "Prism handle.call against raw Pekko request/reply, driver JVM -> child JVM on one "
                + "machine: Java %s, %d cores, %d rounds of %.1f s phases after a %.0f s soak and a %.1f s warm-up of each, %.0f s in "
                + "all; load average %.2f before, %.2f after%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), settings.rounds(),
            settings.seconds(), settings.soakSeconds(), settings.warmupSeconds(), elapsedSeconds, loadBefore, loadAfter);
        out.println("tell+id: 16-byte byte[] with a correlation id to one long-lived reply actor; ask: Patterns.ask "
            + "(a temporary actor per call); socket: 16 bytes over TCP_NODELAY.");
        out.println();
        out.printf(Locale.ROOT, "%-34s %11s %11s %11s %11s %8s %8s%n", "figure", "Prism", "tell+id", "ask", "socket",
            "P/tell", "P/ask");
        out.println("-".repeat(34 + 12 * 4 + 9 * 2));
        row(out, "sync round trip p50 (µs)", f -> f.syncLatencies.percentile(0.50) / 1e3, "%.1f", true);
        row(out, "sync round trip p99 (µs)", f -> f.syncLatencies.percentile(0.99) / 1e3, "%.1f", true);
        row(out, "sync round trips/s (1 caller)", f -> Figures.median(f.syncRates), "%,.0f", true);
        int[] windows = settings.windows();
        for (int i = 0; i < windows.length; i++) {
            int w = i;
            row(out, "pipelined calls/s, " + windows[w] + " in flight",
                f -> Figures.median(f.windowRates.get(w)), "%,.0f", false);
            row(out, "  CPU per call, both JVMs (µs)", f -> Figures.median(f.windowCpu.get(w)), "%.1f", false);
            row(out, "  latency p50 at " + windows[w] + " in flight (µs)",
                f -> f.windowLatencies[w].percentile(0.50) / 1e3, "%.1f", false);
            row(out, "  latency p99 at " + windows[w] + " in flight (µs)",
                f -> f.windowLatencies[w].percentile(0.99) / 1e3, "%.1f", false);
        }
        out.printf(Locale.ROOT, "%-34s %11s%n", "actors created/s (" + churn.actors() + ")",
            String.format(Locale.ROOT, "%,.0f", churn.createsPerSecond()));
        out.printf(Locale.ROOT, "%-34s %11.0f%n", "  CPU per create, both JVMs (µs)", churn.cpuMicrosPerCreate());
        out.printf(Locale.ROOT, "%-34s %11s%n", "  the first " + cold.actors() + ", cold JIT (/s)",
            String.format(Locale.ROOT, "%,.0f", cold.createsPerSecond()));
        out.println();
        double sync = prism.syncLatencies.percentile(0.5) / (double) tell.syncLatencies.percentile(0.5);
        double async = Double.MAX_VALUE;
        for (int i = 0; i < windows.length; i++) {
            async = Math.min(async, Figures.median(prism.windowRates.get(i)) / Figures.median(tell.windowRates.get(i)));
        }
        out.printf(Locale.ROOT, "Aims: sync p50 ≤ %.2f× tell: %.2f× (%s); pipelined ≥ %.2f× tell at every window: "
                + "worst %.2f× (%s); ≥ %,.0f actors created/s: %,.0f (%s)%n", SYNC_AIM, sync,
            sync <= SYNC_AIM ? "met" : "NOT met", ASYNC_AIM, async, async >= ASYNC_AIM ? "met" : "NOT met",
            CREATES_AIM, churn.createsPerSecond(), churn.createsPerSecond() >= CREATES_AIM ? "met" : "NOT met");
        report(windows);
        long failures = prism.failures + tell.failures + ask.failures + socket.failures + churn.failures() + cold.failures();
        if (failures > 0) {
            out.printf(Locale.ROOT, "failed: Prism calls %d, tell %d, ask %d, socket %d, creates %d%n",
                prism.failures, tell.failures, ask.failures, socket.failures, churn.failures() + cold.failures());
        }
    }

    /** The headline rows for {@code benchmarks.jar all}'s table; nothing when run on its own. */
    private void report(int[] windows) {
        String section = "cross-JVM call";
        double p50 = prism.syncLatencies.percentile(0.50) / 1e3;
        BenchReport.record(section, "sync round trip p50", "µs", p50, "tell+id",
            tell.syncLatencies.percentile(0.50) / 1e3, Aim.ratioAtMost(SYNC_AIM));
        BenchReport.record(section, "sync round trip p50", "µs", p50, "ask", ask.syncLatencies.percentile(0.50) / 1e3,
            Aim.NONE);
        BenchReport.record(section, "sync round trip p50", "µs", p50, "socket",
            socket.syncLatencies.percentile(0.50) / 1e3, Aim.NONE);
        for (int i = 0; i < windows.length; i++) {
            BenchReport.record(section, "pipelined, " + windows[i] + " in flight", "calls/s",
                Figures.median(prism.windowRates.get(i)), "tell+id", Figures.median(tell.windowRates.get(i)),
                Aim.ratioAtLeast(ASYNC_AIM));
        }
        BenchReport.record(BenchReport.Row.alone("actor creation", "created/s, driver → head JVM, "
            + churn.actors() + " actors", "actors/s", churn.createsPerSecond(), Aim.atLeast(CREATES_AIM)));
    }

    private void row(PrintStream out, String figure, ToDoubleFunction<Figures> value, String format,
                     boolean withSocket) {
        double p = value.applyAsDouble(prism);
        double t = value.applyAsDouble(tell);
        double a = value.applyAsDouble(ask);
        String s = withSocket ? String.format(Locale.ROOT, format, value.applyAsDouble(socket)) : "-";
        out.printf(Locale.ROOT, "%-34s %11s %11s %11s %11s %8s %8s%n", figure, String.format(Locale.ROOT, format, p),
            String.format(Locale.ROOT, format, t), String.format(Locale.ROOT, format, a), s, ratio(p, t),
            ratio(p, a));
    }

    private static String ratio(double prism, double baseline) {
        return baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", prism / baseline);
    }
}
