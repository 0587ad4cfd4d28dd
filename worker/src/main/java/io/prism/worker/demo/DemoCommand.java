package io.prism.worker.demo;

import io.prism.ActorHandle;
import io.prism.ActorPlacement;
import io.prism.ClusterState;
import io.prism.Gpu;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.examples.fraud.FraudScorer;
import io.prism.examples.fraud.Transaction;
import io.prism.examples.fraud.TransactionGenerator;
import io.prism.exception.PrismException;
import io.prism.resources.device.MemorySize;
import io.prism.worker.Logs;
import io.prism.worker.console.GpuBars;
import io.prism.worker.console.GpuSaving;
import io.prism.worker.console.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code prism demo}: starts an embedded Prism, packs fractional fraud scorers onto one simulated GPU, sends them
 * a pipelined load of scoring calls and prints where they run, what they use and how fast they answer.
 */
@Command(name = "demo",
    description = {
        "Packs @Gpu(0.25) fraud scorers onto one simulated GPU of an embedded Prism and scores transactions.",
        "Prints where the actors run, each GPU's used share, the GPUs saved, throughput and latency."})
public final class DemoCommand implements Callable<Integer> {
    private static final long SEED = 20_240_601L;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    /** More actors than the GPUs hold wait for capacity that never comes in a demo: say so soon. */
    private static final Duration PLACEMENT_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--actors", paramLabel = "N", defaultValue = "4",
        description = "Fraud-scoring actors to create (default: ${DEFAULT-VALUE}).")
    private int actors;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "10000",
        description = "Scoring calls to measure, round-robin over the actors (default: ${DEFAULT-VALUE}).")
    private int calls;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
        description = "Calls sent before measuring, so the JIT has compiled the call path (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
        description = "Calls in flight at most, as a client with a bounded pipeline would send (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--gpus", paramLabel = "SPEC", defaultValue = "sim:2x16GiB",
        description = "GPUs of the embedded node: auto, or sim:NxSIZE (default: ${DEFAULT-VALUE}).")
    private String gpus;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Keep Prism's and Pekko's INFO logs (on stderr).")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        PrismConfig.Builder config = PrismConfig.builder().gpus(gpus);
        if (verbose) {
            Logs.verbose();
            config.set("pekko.loglevel", "INFO");
        } else {
            Logs.quiet();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Prism demo: %d fraud-scoring actors at @Gpu(%s) each, GPUs %s, embedded in this JVM%n%n",
            actors, gpuShare(FraudScorer.class), gpus);

        long started = System.nanoTime();
        try (Prism prism = Prism.start(config.build())) {
            long created = System.nanoTime();
            List<ActorHandle<FraudScorer>> scorers = createScorers(prism);
            out.printf("Started Prism in %s, created %d actors in %s%n%n", seconds(created - started), scorers.size(),
                seconds(System.nanoTime() - created));

            printPlacement(out, scorers);
            ClusterState state = prism.state();
            out.println("GPUs");
            GpuBars.lines(state, "  ").forEach(out::println);
            out.println();
            out.println(GpuSaving.of(state).line());
            out.println();

            printLoad(out, scorers);
            printSamples(out, scorers.get(0));
        }
        out.flush();
        return 0;
    }

    private void checkOptions() {
        atLeast("--actors", actors, 1);
        atLeast("--calls", calls, 1);
        atLeast("--warmup", warmup, 0);
        atLeast("--concurrency", concurrency, 1);
    }

    private void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                option + " " + value + ": must be at least " + min);
        }
    }

    private List<ActorHandle<FraudScorer>> createScorers(Prism prism) {
        // One by one, so PACK's choices are easy to follow in the table: each actor joins the GPU the last one used.
        List<ActorHandle<FraudScorer>> scorers = new ArrayList<>(actors);
        for (int i = 1; i <= actors; i++) {
            scorers.add(prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL).name("fraud-" + i)
                .placementTimeout(PLACEMENT_TIMEOUT).create());
        }
        return scorers;
    }

    private static void printPlacement(PrintWriter out, List<ActorHandle<FraudScorer>> scorers) {
        TextTable table = new TextTable("actor", "node", ">GPU", ">fraction", ">memory", "isolation");
        for (ActorHandle<FraudScorer> scorer : scorers) {
            ActorPlacement p = scorer.placement();
            table.row(scorer.name().orElse(scorer.id().value()), p.node(),
                p.gpuIndex() < 0 ? "-" : String.valueOf(p.gpuIndex()),
                String.format(Locale.ROOT, "%.2f", p.fraction()), MemorySize.format(p.memoryBytes()), p.isolation());
        }
        out.println("Placement");
        table.lines("  ").forEach(out::println);
        out.println();
    }

    private void printLoad(PrintWriter out, List<ActorHandle<FraudScorer>> scorers) throws InterruptedException {
        Transaction[] txs = transactions(Math.max(calls, warmup));
        int n = scorers.size();
        PipelinedLoad load = new PipelinedLoad(concurrency, LOAD_TIMEOUT);
        if (warmup > 0) {
            check(load.run(warmup, i -> scorers.get(i % n).call(FraudScorer::score, txs[i])), "warm-up");
        }
        PipelinedLoad.Result result =
            check(load.run(calls, i -> scorers.get(i % n).call(FraudScorer::score, txs[i])), "measured");

        out.printf(Locale.ROOT, "Calls: %,d scores, round-robin over %d actors, up to %d in flight (after %,d warm-up calls)%n",
            calls, n, concurrency, warmup);
        out.printf(Locale.ROOT, "  throughput  %,.0f calls/s%n", result.callsPerSecond());
        out.printf("  latency     p50 %s   p99 %s   max %s%n", Latencies.format(result.latencies().percentile(50)),
            Latencies.format(result.latencies().percentile(99)), Latencies.format(result.latencies().max()));
        out.println();
    }

    private static PipelinedLoad.Result check(PipelinedLoad.Result result, String phase) {
        if (result.failures() > 0) {
            Throwable first = result.firstFailure();
            throw new PrismException(result.failures() + " of " + result.calls() + " " + phase + " calls failed, the first with "
                + first.getClass().getSimpleName() + ": " + first.getMessage(), first);
        }
        return result;
    }

    private static Transaction[] transactions(int count) {
        TransactionGenerator generator = new TransactionGenerator(SEED);
        Transaction[] txs = new Transaction[count];
        for (int i = 0; i < count; i++) {
            txs[i] = generator.next();
        }
        return txs;
    }

    private static void printSamples(PrintWriter out, ActorHandle<FraudScorer> scorer) {
        TextTable table = new TextTable("sample", ">amount", ">usual", ">hour", "how", ">fraud score");
        for (SampleTransactions.Sample sample : SampleTransactions.all()) {
            Transaction tx = sample.tx();
            float score = scorer.call(FraudScorer::score, tx).join();
            table.row(sample.name(), String.format(Locale.ROOT, "%,.2f", tx.amount()),
                String.format(Locale.ROOT, "%,.2f", tx.avgAmount30d()), String.format("%02d:00", tx.hourOfDay()),
                sample.how(), score < 0.001f ? "<0.001" : String.format(Locale.ROOT, "%.3f", score));
        }
        out.println("Scores from " + scorer.name().orElse("the first actor"));
        table.lines("  ").forEach(out::println);
    }

    private static String gpuShare(Class<?> actorClass) {
        Gpu gpu = actorClass.getAnnotation(Gpu.class);
        return gpu == null ? "none" : BigDecimal.valueOf(gpu.value()).stripTrailingZeros().toPlainString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
