package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.examples.fraud.FraudScorer;
import io.prism.resources.context.GpuContexts;
import io.prism.resources.device.CudaProbe;
import io.prism.resources.mps.MpsController;
import io.prism.resources.mps.MpsSettings;
import io.prism.runtime.PrismConfigLoader;
import io.prism.worker.Logs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * {@code prism gpu-check}: on a machine with an NVIDIA GPU, checks step by step that Prism shares one GPU between
 * four quarter-GPU fraud scorers the way the design says: executor processes, MPS clients, right results, budgets
 * per actor, and what sharing costs each scorer. Exit code 0 when every step passed, 1 when one failed, 2 without a GPU.
 */
@Command(name = "gpu-check",
    description = {
        "Checks Prism on a machine with an NVIDIA GPU, step by step: the devices JCuda",
        "sees; an embedded Prism with process isolation and MPS; four @Gpu(0.25) fraud",
        "scorers as MPS clients on one GPU; their scores against the model in plain",
        "Java; a memory budget enforced for one actor alone; the scorers' throughput",
        "and p99 latency alone and all together.",
        "Exit code 0: every step passed; 1: a step failed; 2: no GPU found."})
public final class GpuCheckCommand implements Callable<Integer> {
    /** The exit code without a GPU (picocli gives usage errors the same code). */
    static final int NO_GPU = 2;
    private static final int STEPS = 6;
    private static final int SCORERS = 4;
    private static final int DEFAULT_CALLS = 2_000;
    private static final int QUICK_CALLS = 200;
    /** Executors start in seconds; a minute leaves room for a slow first JIT or a busy machine. */
    private static final Duration PLACEMENT = Duration.ofSeconds(60);
    private static final Duration MPS_CLIENTS_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 200;

    @Spec
    private CommandSpec spec;

    @Option(names = "--gpu", paramLabel = "N", defaultValue = "0",
        description = "Index of the GPU to check (default: ${DEFAULT-VALUE}).")
    private int gpu;

    @Option(names = "--calls", paramLabel = "N",
        description = "Calls per scorer in each throughput run (default: " + DEFAULT_CALLS + ", with --quick "
            + QUICK_CALLS + ").")
    private Integer calls;

    @Option(names = "--quick", description = "Fewer calls in the throughput runs: a check in seconds.")
    private boolean quick;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Keep Prism's and Pekko's INFO logs (on stderr).")
    private boolean verbose;

    private final Supplier<CudaProbe.Result> probe;
    private MpsController mpsListing;

    public GpuCheckCommand() {
        this(CudaProbe::probe);
    }

    /** A check that asks {@code probe} for the devices, for tests. */
    GpuCheckCommand(Supplier<CudaProbe.Result> probe) {
        this.probe = probe;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        checkOptions();
        int perScorer = calls != null ? calls : quick ? QUICK_CALLS : DEFAULT_CALLS;
        if (verbose) {
            Logs.verbose();
        } else {
            Logs.quiet();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Prism gpu-check: GPU %d, %d @Gpu(0.25) fraud scorers, %,d calls per scorer%n", gpu,
            SCORERS, perScorer);
        CheckReport report = new CheckReport(out, STEPS);
        CudaProbe.Result cuda = probe.get();
        if (!DeviceStep.run(cuda, gpu, report.step(1, "Devices through JCuda"))) {
            report.summary();
            if (!cuda.available()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(DeviceStep.NO_GPU + cuda.reason());
                err.flush();
                return NO_GPU;
            }
            return report.exitCode();
        }
        onEmbeddedPrism(report, perScorer);
        report.summary();
        return report.exitCode();
    }

    private void checkOptions() {
        if (gpu < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gpu " + gpu
                + ": a GPU index is 0 or more");
        }
        if (calls != null && calls < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--calls " + calls
                + ": must be at least 1");
        }
    }

    /** Steps 2 to 6, each run only when the one before passed. */
    private void onEmbeddedPrism(CheckReport report, int perScorer) throws InterruptedException, IOException {
        // A short directory of its own: the MPS daemon's sockets go under it, and UNIX socket paths are short.
        Path workDir = Files.createTempDirectory("prism-gpucheck-");
        MpsSettings mps = mpsSettings(workDir);
        CheckReport.Section isolation = report.step(2, "Embedded Prism with isolation = process (MPS)");
        isolation.line("work directory " + workDir + ": executor logs in executors/, MPS logs in mps/log/");
        Prism prism;
        try {
            prism = Prism.start(config(workDir));
        } catch (RuntimeException e) {
            isolation.fail("Prism did not start: " + e.getMessage());
            return;
        }
        try (prism) {
            List<ActorHandle<FraudScorer>> scorers = new ArrayList<>();
            boolean ok = guarded(isolation, s -> IsolationStep.run(prism.state().nodes().get(0), gpu,
                () -> clients(mps), s));
            ok = ok && guarded(report.step(3, SCORERS + " fraud scorers at @Gpu(0.25) on GPU " + gpu),
                s -> placeScorers(prism, scorers, mps, s));
            ok = ok && guarded(report.step(4, "Their scores on the GPU against the model in plain Java"),
                s -> ResultsStep.run(scorers, s));
            ok = ok && guarded(report.step(5, "A memory budget enforced for one actor alone"),
                s -> new BudgetStep(prism, gpu, actor -> describeMps(prism, actor, mps))
                    .run(scorers, name -> createScorer(prism, name), s));
            if (ok) {
                guarded(report.step(6, "Throughput and p99 latency: one scorer alone, then all " + SCORERS),
                    s -> ThroughputStep.run(scorers, perScorer, Math.max(20, perScorer / 10), s));
            }
        }
    }

    private boolean placeScorers(Prism prism, List<ActorHandle<FraudScorer>> scorers, MpsSettings mps,
                                 CheckReport.Section section) throws InterruptedException {
        // Executors inherit this JVM's Java and environment, so they find the same CUDA libraries and choose alike.
        section.line(GpuContexts.describeSgemm());
        reserveGpusBelow(prism, section);
        for (int i = 1; i <= SCORERS; i++) {
            scorers.add(createScorer(prism, "fraud-" + i));
        }
        ClusterState state = prism.state();
        List<ScorersStep.Row> rows = scorers.stream().map(a -> ScorersStep.Row.of(a, state)).toList();
        List<Long> pids = rows.stream().map(ScorersStep.Row::pid).toList();
        // A client is listed once its context exists, which the executor creates before the actor reports started;
        // the wait covers a daemon that is slow to answer, not a normal start.
        long deadline = System.nanoTime() + MPS_CLIENTS_WAIT.toNanos();
        MpsClients clients = clients(mps);
        while (!clients.missing(pids).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            clients = clients(mps);
        }
        return ScorersStep.run(rows, gpu, clients, section);
    }

    /**
     * Placement has no per-GPU choice: PACK puts the first quarter on the lowest-numbered free GPU. Holding more
     * than three quarters of each GPU below {@code --gpu} leaves the chosen one as the first a quarter fits on.
     * The reservations run in this JVM (shared isolation): they start no executor, and the CUDA contexts they open
     * are on the GPUs below the checked one.
     */
    private void reserveGpusBelow(Prism prism, CheckReport.Section section) {
        for (int i = 0; i < gpu; i++) {
            prism.actor(GpuReservation::new).name("reservation-" + i).gpu(GpuReservation.SHARE)
                .isolation(Isolation.SHARED).placementTimeout(PLACEMENT).create();
        }
        if (gpu > 0) {
            section.line("GPU" + (gpu == 1 ? " 0 is" : "s 0 to " + (gpu - 1) + " are") + " held by reservations, "
                + "so that placement picks GPU " + gpu);
        }
    }

    private static ActorHandle<FraudScorer> createScorer(Prism prism, String name) {
        return prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL).name(name).placementTimeout(PLACEMENT)
            .create();
    }

    private String describeMps(Prism prism, ActorHandle<?> actor, MpsSettings mps) {
        OptionalLong pid = ExecutorPids.of(prism.state(), actor.id());
        if (pid.isEmpty()) {
            return "no executor process";
        }
        long server = clients(mps).serverOf(pid.getAsLong());
        return "executor pid " + pid.getAsLong() + ", " + (server < 0 ? "not an MPS client" : "MPS client of server "
            + server);
    }

    /** Asks the node's MPS daemon through a controller on its settings, made once; it starts nothing. */
    private MpsClients clients(MpsSettings mps) {
        if (mpsListing == null) {
            mpsListing = MpsController.create(mps);
        }
        return MpsClients.ask(mpsListing);
    }

    /** The settings the node gives its daemon (see NodeIsolations): its work directory and control program. */
    private static MpsSettings mpsSettings(Path workDir) {
        MpsSettings settings = MpsSettings.defaults(workDir);
        String control = PrismConfigLoader.load(Map.of(), true).getString("prism.mps.control");
        return control.equals(MpsSettings.BINARY_NAME) ? settings : settings.withBinary(Path.of(control));
    }

    private PrismConfig config(Path workDir) {
        PrismConfig.Builder config = PrismConfig.builder().gpus("auto")
            .set("prism.isolation", "process")
            .set("prism.mps.fallback-to-shared", "true")
            .set("prism.executor.work-dir", workDir.toString());
        if (verbose) {
            config.set("pekko.loglevel", "INFO");
        }
        return config.build();
    }

    /** A step's body, writing to its section; true when the step passed. */
    private interface Body {
        boolean run(CheckReport.Section section) throws InterruptedException;
    }

    /** Runs a step; one that throws failed, with the exception's message. */
    private static boolean guarded(CheckReport.Section section, Body body) throws InterruptedException {
        try {
            return body.run(section);
        } catch (RuntimeException e) {
            return section.fail(describe(e));
        }
    }

    /** The message of what went wrong, unwrapped from the futures it came through. */
    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }
}
