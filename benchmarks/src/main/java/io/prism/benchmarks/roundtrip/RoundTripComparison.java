package io.prism.benchmarks.roundtrip;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures the project's speed goal is judged by, measured in one run: an embedded Prism's {@code handle.call}
 * against raw Pekko {@code tell} with a correlation id (baseline A) and {@code AskPattern.ask} (baseline B). Every
 * mechanism is warmed up first; then each round runs the sync phase and every pipelined phase of each mechanism,
 * rotating which goes first, so that drift over the run (JIT, heap, the machine) falls on all of them alike.
 */
public final class RoundTripComparison {
    private RoundTripComparison() {
    }

    public static void main(String[] args) throws Exception {
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

    static void run(Settings settings, PrintStream out, PrintStream progress) throws InterruptedException {
        long started = System.nanoTime();
        progress.println("starting an embedded Prism and a plain Pekko system...");
        try (PrismEcho prism = new PrismEcho(); PekkoEcho pekko = new PekkoEcho()) {
            List<RoundTrip> targets = List.of(prism, pekko.tell(), pekko.ask());
            int[] windows = settings.windows();

            progress.printf(Locale.ROOT, "warming up: every phase of every mechanism once, %.1f s each%n",
                settings.warmupSeconds());
            for (RoundTrip t : targets) {
                Measure.sync(t, settings.warmupNanos());
                for (int w : windows) {
                    Measure.pipelined(t, w, settings.warmupNanos());
                }
            }

            List<Figures> figures = targets.stream().map(t -> new Figures(t, windows.length)).toList();
            for (int round = 0; round < settings.rounds(); round++) {
                for (int k = 0; k < targets.size(); k++) {
                    Figures f = figures.get((round + k) % targets.size());
                    Measure.Result sync = Measure.sync(f.target, settings.phaseNanos());
                    f.addSync(sync);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "round %d/%d  %-11s sync p50 %6.1f µs", round + 1, settings.rounds(), f.target.name(),
                        sync.latencies().percentile(0.5) / 1e3));
                    for (int i = 0; i < windows.length; i++) {
                        Measure.Result r = Measure.pipelined(f.target, windows[i], settings.phaseNanos());
                        f.addWindow(i, r);
                        line.append(String.format(Locale.ROOT, "  w%d %,9.0f/s", windows[i], r.perSecond()));
                    }
                    progress.println(line);
                }
            }
            new Table(settings, figures).print(out, (System.nanoTime() - started) / 1e9);
        }
    }
}
