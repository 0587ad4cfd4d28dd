package io.prism.benchmarks.roundtrip;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The comparison across two JVMs on this machine ({@code benchmarks.jar cluster}): this JVM is a Prism driver and
 * a plain Pekko system; one child JVM is a Prism head that hosts the {@link Echo} actor and beside it the raw
 * Pekko ponger and a TCP echo server ({@link ClusterChild}), so every mechanism runs between the same two JVMs.
 * Rounds rotate the order as the in-JVM comparison does; the socket runs only the sync phase. Last, actors created per second against the cluster.
 */
public final class ClusterComparison {
    private static final String PRISM_READY = "Prism head up at ";

    private ClusterComparison() {
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
        run(settings, settings.creates(), System.out, System.err);
        System.exit(0);
    }

    static void run(Settings settings, int actors, PrintStream out, PrintStream progress) throws Exception {
        long started = System.nanoTime();
        double loadBefore = loadAverage();
        List<String> jvmOptions = List.of("-D" + ClusterPrismEcho.ALLOWED_PACKAGES + "=" + ClusterPrismEcho.PACKAGES);
        progress.println("starting the child JVM: a Prism head (sim:1x16GiB, 10^6 CPUs) and, beside it, a plain Pekko "
            + "ponger and a socket echo...");
        try (ChildJvm child = ChildJvm.start("prism-head", jvmOptions, ClusterChild.class.getName(),
                 List.of("head", "--gpus", "sim:1x16GiB", "--cpus", "1000000", "--port", "0"), PRISM_READY)) {
            String address = child.readyLine().substring(PRISM_READY.length()).split(" ")[0];
            String[] pongLine = child.lineBeforeReady(ClusterChild.READY).split(" ");
            progress.println("child " + child + ": head at " + address + "; ponger at " + pongLine[1]
                + ", socket port " + pongLine[3]);
            try (ClusterPrismEcho prism = new ClusterPrismEcho(address);
                 RemotePekkoEcho pekko = new RemotePekkoEcho(pongLine[1]);
                 SocketEcho socket = new SocketEcho(Integer.parseInt(pongLine[3]))) {
                List<RoundTrip> targets = List.of(prism, pekko.tell(), pekko.ask());
                int[] windows = settings.windows();
                Measure.sync(socket, settings.warmupNanos());
                Measure.warmUp(targets, settings, progress);
                List<Figures> figures = new ArrayList<>(targets.stream().map(t -> new Figures(t, windows.length))
                    .toList());
                Figures socketFigures = new Figures(socket, windows.length);
                for (int round = 0; round < settings.rounds(); round++) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d", round + 1,
                        settings.rounds()));
                    socketFigures.addSync(Measure.sync(socket, settings.phaseNanos()));
                    for (int phase = -1; phase < windows.length; phase++) {
                        line.append(phase < 0 ? "  sync p50 µs" : "  " + windows[phase] + " in flight calls/s");
                        for (int k = 0; k < targets.size(); k++) {
                            Figures f = figures.get((round + phase + 1 + k) % targets.size());
                            Measure.Result r;
                            if (phase < 0) {
                                r = Measure.sync(f.target, settings.phaseNanos());
                                f.addSync(r);
                            } else {
                                r = Measure.pipelined(f.target, windows[phase], settings.phaseNanos(),
                                    () -> cpuNanos(ProcessHandle.current()) + child.cpuNanos());
                                f.addWindow(phase, r);
                            }
                            line.append(String.format(Locale.ROOT, phase < 0 ? " %s %.1f" : " %s %,.0f",
                                f.target.name(), phase < 0 ? r.latencies().percentile(0.5) / 1e3 : r.perSecond()));
                        }
                    }
                    progress.println(line);
                }
                // the first creates run while the JIT compiles the create path (half the CPU then is the
                // compiler's): they are reported apart, and the rate is measured after them, as calls are
                int coldActors = Math.max(100, actors / 4);
                LongSupplier cpu = () -> cpuNanos(ProcessHandle.current()) + child.cpuNanos();
                progress.printf(Locale.ROOT, "creating %,d actors to warm up, then %,d measured (%d creates in "
                    + "flight), killing each batch after%n", coldActors, actors, settings.createsInFlight());
                ClusterPrismEcho.Churn cold = prism.churn(coldActors, settings.createsInFlight(), cpu);
                ClusterPrismEcho.Churn churn = prism.churn(actors, settings.createsInFlight(), cpu);
                figures.add(socketFigures);
                new ClusterTable(settings, figures, cold, churn).print(out, (System.nanoTime() - started) / 1e9,
                    loadBefore, loadAverage());
            }
        }
    }

    static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
