package io.prism.benchmarks.roundtrip;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The figures the project's speed goal is judged by, measured in one run: an embedded Prism's {@code handle.call}
 * against raw Pekko {@code tell} with a correlation id (baseline A) and {@code AskPattern.ask} (baseline B). Every
 * mechanism is warmed up first. Then each round runs each phase (sync, then each window) for the three mechanisms
 * back to back, rotating which goes first, so that whatever else the machine does at that moment falls on all three
 * alike and a round's ratios compare measurements taken seconds apart.
 */
public final class RoundTripComparison {
    private RoundTripComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Settings.USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(settings, System.out, System.err);
        // Pekko's and Prism's threads are gone by now, but a stray non-daemon thread must not keep the JVM alive
        System.exit(0);
    }

    /** The system's one-minute load average, or -1 where the platform has none. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void run(Settings settings, PrintStream out, PrintStream progress) throws InterruptedException {
        long started = System.nanoTime();
        double loadBefore = loadAverage();
        if (loadBefore > 0.5) {
            progress.printf(Locale.ROOT, "note: the load average is %.2f before the run: other work on this machine "
                + "will disturb the figures (the ratios less so: every phase runs the three mechanisms back to back)%n",
                loadBefore);
        }
        progress.println("starting an embedded Prism and a plain Pekko system...");
        try (PrismEcho prism = new PrismEcho(); PekkoEcho pekko = new PekkoEcho()) {
            List<RoundTrip> targets = List.of(prism, pekko.tell(), pekko.ask());
            int[] windows = settings.windows();

            Measure.warmUp(targets, settings, progress);

            List<Figures> figures = targets.stream().map(t -> new Figures(t, windows.length)).toList();
            for (int round = 0; round < settings.rounds(); round++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d", round + 1,
                    settings.rounds()));
                for (int phase = -1; phase < windows.length; phase++) {
                    line.append(phase < 0 ? "  sync p50 µs" : "  " + windows[phase] + " in flight calls/s");
                    for (int k = 0; k < targets.size(); k++) {
                        Figures f = figures.get((round + phase + 1 + k) % targets.size());
                        if (phase < 0) {
                            Measure.Result r = Measure.sync(f.target, settings.phaseNanos());
                            f.addSync(r);
                            line.append(String.format(Locale.ROOT, " %s %.1f", f.target.name().substring(0, 1),
                                r.latencies().percentile(0.5) / 1e3));
                        } else {
                            Measure.Result r = Measure.pipelined(f.target, windows[phase], settings.phaseNanos());
                            f.addWindow(phase, r);
                            line.append(String.format(Locale.ROOT, " %s %,.0f", f.target.name().substring(0, 1),
                                r.perSecond()));
                        }
                    }
                }
                progress.println(line);
            }
            new Table(settings, figures).print(out, (System.nanoTime() - started) / 1e9, loadBefore, loadAverage());
        }
    }
}
