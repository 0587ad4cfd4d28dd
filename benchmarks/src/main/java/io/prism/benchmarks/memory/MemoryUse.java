package io.prism.benchmarks.memory;

import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;
import io.prism.benchmarks.actors.HeapPerActor;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code benchmarks.jar memory [--quick]}: heap per live actor in an embedded Prism against plain Pekko actors
 * (measured in this JVM), then the resident size of an idle Prism node, {@code prism head --gpus sim:1x16GiB}, against a
 * bare Pekko cluster node that joined itself, each a JVM of its own with the same options, started one at a time
 * and read after the same idle time.
 */
public final class MemoryUse {
    private static final String HEAD_UP = "Prism head up at ";
    private static final double MIB = 1024.0 * 1024;
    private static final double RSS_AIM_MIB = 200;

    private MemoryUse() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int actors = quick ? 2_000 : 10_000;
        int idleSeconds = quick ? 5 : 10;
        System.err.printf(Locale.ROOT, "heap per actor: %,d actors in an embedded Prism, then as many in Pekko%n",
            actors);
        HeapPerActor.Bytes heap = HeapPerActor.measure(actors);
        List<String> jvmOptions = List.of();
        System.err.printf(Locale.ROOT, "idle RSS: a Prism head, then a bare Pekko node, each idle %d s%n",
            idleSeconds);
        long prism = idleResident(jvmOptions, "io.prism.worker.PrismCli",
            List.of("head", "--gpus", "sim:1x16GiB", "--port", "0"), HEAD_UP, idleSeconds);
        long bare = idleResident(jvmOptions, BarePekkoNode.class.getName(), List.of(), BarePekkoNode.READY,
            idleSeconds);

        System.out.printf(Locale.ROOT, "%nMemory (Java %s, %d cores, default JVM options)%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  idle RSS, Prism head (sim:1x16GiB) after %d s      %8.1f MiB%n",
            idleSeconds, prism / MIB);
        System.out.printf(Locale.ROOT, "  idle RSS, bare Pekko cluster node after %d s      %8.1f MiB   "
            + "Prism/bare %.2f   aim ≤ %.0f MiB%n", idleSeconds, bare / MIB, prism / (double) bare, RSS_AIM_MIB);
        System.out.printf(Locale.ROOT, "  heap per live actor, Prism embedded (%,d actors)  %8.2f KiB%n",
            heap.actors(), heap.prism() / 1024.0);
        System.out.printf(Locale.ROOT, "  heap per live actor, Pekko actor                 %8.2f KiB   "
            + "Prism/Pekko %.2f%n", heap.pekko() / 1024.0, heap.prism() / (double) heap.pekko());
        BenchReport.record("memory", "idle node RSS after " + idleSeconds + " s (head, sim:1x16GiB)", "MiB",
            prism / MIB, "bare Pekko cluster node", bare / MIB, Aim.atMost(RSS_AIM_MIB));
        BenchReport.record("memory", "heap per live actor (" + heap.actors() + " embedded)", "KiB",
            heap.prism() / 1024.0, "Pekko actor", heap.pekko() / 1024.0, Aim.NONE);
    }

    private static long idleResident(List<String> jvmOptions, String mainClass, List<String> args, String up,
                                     int idleSeconds) throws Exception {
        try (IdleProcess process = IdleProcess.start(jvmOptions, mainClass, args, up)) {
            TimeUnit.SECONDS.sleep(idleSeconds);
            return process.residentBytes();
        }
    }
}
