package io.prism.benchmarks.executor;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;
import io.prism.runtime.node.ExecutorMain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar benchmarks.jar executor-start [--quick]}: create → first answered call of a {@code @Gpu(0.25)}
 * actor under process isolation (a new executor JVM each time; a spare; the first actor of a node that prestarts
 * that share) and under shared isolation (in the worker JVM), and
 * the start of a bare JVM on the same class path, each sampled one at a time on a one-GPU embedded Prism. Executor
 * starts are sampled once the node has made its executors' class archive, as on any node after its first seconds
 * (the archive is made once per class path, in the background), and each after the previous executor has exited.
 */
public final class ExecutorStart {
    private static final int SPARE_GAP_SECONDS = 4;

    private ExecutorStart() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int samples = quick ? 3 : 20;
        double load = loadAverage();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < samples + 1; i++) {
            double ms = bareJvmMillis();
            if (i > 0) {
                bare.add(ms);
            }
        }
        List<Double> cold = createToFirstCall("process", 0, samples);
        List<Double> pooled = createToFirstCall("process", 1, samples);
        List<Double> shared = createToFirstCall("shared", 0, samples);
        List<Double> prestarted = firstActorOfPrestartedNode(samples);
        System.out.printf(Locale.ROOT, "%nGPU actor start, create() to first answered call (%d samples each, one at a "
            + "time; Java %s, %d cores, load average %.2f before, %.2f after)%n", samples,
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load, loadAverage());
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %14s%n", "", "p50 ms", "max ms", "p50 / bare JVM");
        row("new executor process (no spares)", cold, median(bare));
        row("spare executor (spares-per-shape 1)", pooled, median(bare));
        row("first actor, prestart = [0.25]", prestarted, median(bare));
        row("in the worker JVM (isolation shared)", shared, median(bare));
        row("bare JVM start and exit (baseline)", bare, median(bare));
        BenchReport.record("executor start", "create → first call, new executor process", "ms", median(cold),
            "bare JVM start+exit", median(bare), Aim.NONE);
        BenchReport.record("executor start", "create → first call, spare executor", "ms", median(pooled),
            "new executor", median(cold), Aim.NONE);
        BenchReport.record("executor start", "create → first call, first actor, prestart", "ms", median(prestarted),
            "new executor", median(cold), Aim.NONE);
    }

    private static void row(String name, List<Double> millis, double bareMedian) {
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f %14.2f%n", name, median(millis),
            Collections.max(millis), median(millis) / bareMedian);
    }

    /**
     * One warm-up actor, then {@code samples} actors created, called once and killed, one after another. With spares,
     * each create comes after an idle gap long enough for the spare started by the previous one to be up, as
     * replicas and restarts usually come.
     */
    private static List<Double> createToFirstCall(String isolation, int spares, int samples) throws Exception {
        PrismConfig config = PrismConfig.builder().gpus("sim:1x16GiB").set("prism.isolation", isolation)
            .set("prism.executor.spares-per-shape", Integer.toString(spares)).build();
        List<Double> millis = new ArrayList<>();
        try (Prism prism = Prism.start(config)) {
            awaitClassArchive();
            for (int i = 0; i < samples + 1; i++) {
                if (spares > 0) {
                    TimeUnit.SECONDS.sleep(SPARE_GAP_SECONDS);
                }
                long start = System.nanoTime();
                ActorHandle<Ping> ping = prism.actor(Ping::new).create();
                long pid = ping.call(Ping::pid).get(60, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) {
                    millis.add(ms);
                }
                ping.kill();
                if (pid != ProcessHandle.current().pid()) {
                    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
                }
            }
        }
        return millis;
    }

    /**
     * The first {@code @Gpu(0.25)} actor of a node started with {@code prism.executor.prestart = [0.25]}: a new
     * embedded Prism per sample, and its create {@value #SPARE_GAP_SECONDS} s after the node is up, by when the
     * prestarted spare is waiting.
     */
    private static List<Double> firstActorOfPrestartedNode(int samples) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples + 1; i++) {
            PrismConfig config = PrismConfig.builder().gpus("sim:1x16GiB").set("prism.isolation", "process")
                .set("prism.executor.prestart", "0.25").build();
            try (Prism prism = Prism.start(config)) {
                awaitClassArchive();
                TimeUnit.SECONDS.sleep(SPARE_GAP_SECONDS);
                long start = System.nanoTime();
                ActorHandle<Ping> ping = prism.actor(Ping::new).create();
                ping.call(Ping::pid).get(60, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) {
                    millis.add(ms);
                }
            }
        }
        return millis;
    }

    /** Waits for the run that makes the executors' class archive, which a process-isolation node starts. */
    private static void awaitClassArchive() {
        ProcessHandle.current().descendants()
            .filter(p -> p.info().arguments().map(a -> List.of(a).contains(ExecutorMain.REHEARSE)).orElse(false))
            .forEach(p -> p.onExit().join());
    }

    private static double bareJvmMillis() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), BareJvm.class.getName())
            .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
