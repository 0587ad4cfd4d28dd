package io.prism.benchmarks.executor;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;
import io.prism.examples.fraud.Transaction;
import io.prism.examples.fraud.TransactionGenerator;
import io.prism.runtime.node.ExecutorMain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar benchmarks.jar executor-start [--quick] [--samples N] [--gpus SPEC]}: create → first answered
 * call of a {@code @Gpu(0.25)} actor under process isolation (a new executor JVM each time; a spare; the first actor
 * of a node that prestarts that share) and under shared isolation (in the worker JVM), and the start of a bare JVM on
 * the same class path, each sampled one at a time on a one-GPU embedded Prism. Executor
 * starts are sampled once the node has made its executors' class archive, as on any node after its first seconds
 * (the archive is made once per class path, in the background), and each after the previous executor has exited.
 *
 * <p>{@code --gpus} is the node's GPUs as {@code prism.gpus} takes them: {@code sim:1x16GiB} by default, {@code auto}
 * on a machine with NVIDIA GPUs, where each executor is an MPS client. The last row creates a
 * {@link ScorerPing}, whose start includes its CUDA context and model upload (on a simulated GPU it holds the model
 * in plain Java).
 */
public final class ExecutorStart {
    private static final int SPARE_GAP_SECONDS = 4;

    private ExecutorStart() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int samples = intOption(options, "--samples", options.contains("--quick") ? 3 : 20);
        String gpus = option(options, "--gpus", "sim:1x16GiB");
        double load = loadAverage();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < samples + 1; i++) {
            double ms = bareJvmMillis();
            if (i > 0) {
                bare.add(ms);
            }
        }
        List<Double> cold = createToFirstCall(gpus, "process", 0, samples, ExecutorStart::pingStart);
        List<Double> pooled = createToFirstCall(gpus, "process", 1, samples, ExecutorStart::pingStart);
        List<Double> shared = createToFirstCall(gpus, "shared", 0, samples, ExecutorStart::pingStart);
        List<Double> prestarted = firstActorOfPrestartedNode(gpus, samples);
        List<Double> scorer = createToFirstCall(gpus, "process", 0, samples, ExecutorStart::scorerStart);
        System.out.printf(Locale.ROOT, "%nGPU actor start, create() to first answered call (%d samples each, one at a "
            + "time; GPUs %s; Java %s, %d cores, load average %.2f before, %.2f after)%n", samples, gpus,
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load, loadAverage());
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %14s%n", "", "p50 ms", "max ms", "p50 / bare JVM");
        row("new executor process (no spares)", cold, median(bare));
        row("spare executor (spares-per-shape 1)", pooled, median(bare));
        row("first actor, prestart = [0.25]", prestarted, median(bare));
        row("in the worker JVM (isolation shared)", shared, median(bare));
        row("bare JVM start and exit (baseline)", bare, median(bare));
        row("new executor, FraudScorer (GPU context, model)", scorer, median(bare));
        BenchReport.record("executor start", "create → first call, new executor process", "ms", median(cold),
            "bare JVM start+exit", median(bare), Aim.NONE);
        BenchReport.record("executor start", "create → first call, spare executor", "ms", median(pooled),
            "new executor", median(cold), Aim.NONE);
        BenchReport.record("executor start", "create → first call, first actor, prestart", "ms", median(prestarted),
            "new executor", median(cold), Aim.NONE);
        BenchReport.record("executor start", "create → first call, new executor, FraudScorer", "ms", median(scorer),
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
    private static List<Double> createToFirstCall(String gpus, String isolation, int spares, int samples,
        Start start) throws Exception {
        PrismConfig config = PrismConfig.builder().gpus(gpus).set("prism.isolation", isolation)
            .set("prism.executor.spares-per-shape", Integer.toString(spares)).build();
        List<Double> millis = new ArrayList<>();
        try (Prism prism = Prism.start(config)) {
            awaitClassArchive();
            for (int i = 0; i < samples + 1; i++) {
                if (spares > 0) {
                    TimeUnit.SECONDS.sleep(SPARE_GAP_SECONDS);
                }
                long began = System.nanoTime();
                Started started = start.firstCall(prism);
                double ms = (System.nanoTime() - began) / 1e6;
                if (i > 0) {
                    millis.add(ms);
                }
                started.handle().kill();
                long pid = started.pid();
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
    private static List<Double> firstActorOfPrestartedNode(String gpus, int samples) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples + 1; i++) {
            PrismConfig config = PrismConfig.builder().gpus(gpus).set("prism.isolation", "process")
                .set("prism.executor.prestart", "0.25").build();
            try (Prism prism = Prism.start(config)) {
                awaitClassArchive();
                TimeUnit.SECONDS.sleep(SPARE_GAP_SECONDS);
                long start = System.nanoTime();
                pingStart(prism);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) {
                    millis.add(ms);
                }
            }
        }
        return millis;
    }

    /** Creates an actor and answers its first call; returns the actor and the pid of the process that answered. */
    @FunctionalInterface
    private interface Start {
        Started firstCall(Prism prism) throws Exception;
    }

    private record Started(ActorHandle<?> handle, long pid) {
    }

    private static Started pingStart(Prism prism) throws Exception {
        ActorHandle<Ping> ping = prism.actor(Ping::new).create();
        return new Started(ping, ping.call(Ping::pid).get(60, TimeUnit.SECONDS));
    }

    private static Started scorerStart(Prism prism) throws Exception {
        ActorHandle<ScorerPing> scorer = prism.actor(ScorerPing::new).create();
        Transaction tx = new TransactionGenerator(1).next();
        return new Started(scorer, scorer.call(ScorerPing::scoreInPid, tx).get(60, TimeUnit.SECONDS));
    }

    private static String option(List<String> options, String name, String otherwise) {
        int at = options.indexOf(name);
        if (at < 0) {
            return otherwise;
        }
        if (at + 1 >= options.size()) {
            throw new IllegalArgumentException(name + " needs a value after it, e.g. " + name + " " + otherwise);
        }
        return options.get(at + 1);
    }

    private static int intOption(List<String> options, String name, int otherwise) {
        String value = option(options, name, Integer.toString(otherwise));
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " " + value + " is not a whole number of samples of 1 or more");
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
