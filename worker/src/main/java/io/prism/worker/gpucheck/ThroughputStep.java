package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.examples.fraud.FraudScorer;
import io.prism.examples.fraud.Transaction;
import io.prism.examples.fraud.TransactionGenerator;
import io.prism.worker.console.TextTable;
import io.prism.worker.demo.Latencies;
import io.prism.worker.demo.PipelinedLoad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 6: one scorer's throughput and p99 latency alone on the GPU (the others idle) against all of them at once,
 * each actor given the same calls in both runs. A call scores one full batch ({@value FraudScorer#MAX_BATCH}
 * transactions: two sgemm on the GPU and the copies around them), and each actor has one call in flight, so
 * the difference is what sharing the GPU costs an actor.
 */
final class ThroughputStep {
    private static final long SEED = 20_240_601L;
    /** Distinct batches sent in turn, so no two calls in a row carry the same data. */
    private static final int BATCHES = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** One measured run: how many actors shared it and what the load saw. */
    record Run(String name, int actors, PipelinedLoad.Result result) {
    }

    private ThroughputStep() {
    }

    static boolean run(List<ActorHandle<FraudScorer>> scorers, int calls, int warmup, CheckReport.Section section)
        throws InterruptedException {
        List<List<Transaction>> batches = batches();
        int n = scorers.size();
        section.line(String.format(Locale.ROOT, "each call scores %,d transactions; %,d calls per actor after %,d "
            + "warm-up calls each", FraudScorer.MAX_BATCH, calls, warmup));
        if (warmup > 0) {
            PipelinedLoad.Result warm = new PipelinedLoad(n, TIMEOUT).run(warmup * n,
                i -> scorers.get(i % n).call(FraudScorer::scoreBatch, batches.get(i % BATCHES)));
            if (warm.failures() > 0) {
                return failed(section, "warm-up", warm);
            }
        }
        ActorHandle<FraudScorer> first = scorers.get(0);
        Run alone = new Run("alone (" + first.name().orElse("one scorer") + ")", 1, new PipelinedLoad(1, TIMEOUT)
            .run(calls, i -> first.call(FraudScorer::scoreBatch, batches.get(i % BATCHES))));
        Run together = new Run("together (all " + n + ")", n, new PipelinedLoad(n, TIMEOUT)
            .run(calls * n, i -> scorers.get(i % n).call(FraudScorer::scoreBatch, batches.get(i % BATCHES))));
        for (Run run : List.of(alone, together)) {
            if (run.result().failures() > 0) {
                return failed(section, run.name(), run.result());
            }
        }
        table(alone, together).forEach(section::line);
        return section.pass(String.format(Locale.ROOT, "%,d calls answered alone and %,d together",
            alone.result().calls(), together.result().calls()));
    }

    /** The table of both runs and the line of ratios, together against alone, per actor. */
    static List<String> table(Run alone, Run together) {
        TextTable table = new TextTable("run", ">calls", ">calls/s per actor", ">transactions/s", ">p50", ">p99");
        for (Run run : List.of(alone, together)) {
            PipelinedLoad.Result r = run.result();
            double perActor = r.callsPerSecond() / run.actors();
            table.row(run.name(), String.format(Locale.ROOT, "%,d", r.calls()),
                String.format(Locale.ROOT, "%,.0f", perActor),
                String.format(Locale.ROOT, "%,.0f", r.callsPerSecond() * FraudScorer.MAX_BATCH),
                Latencies.format(r.latencies().percentile(50)), Latencies.format(r.latencies().percentile(99)));
        }
        List<String> lines = new ArrayList<>(table.lines(""));
        double perActorRatio = together.result().callsPerSecond() / together.actors()
            / alone.result().callsPerSecond();
        double totalRatio = together.result().callsPerSecond() / alone.result().callsPerSecond();
        double p99Ratio = (double) together.result().latencies().percentile(99)
            / alone.result().latencies().percentile(99);
        lines.add(String.format(Locale.ROOT, "together / alone: %.2f× the calls/s per actor, %.2f× in total, "
            + "%.2f× the p99 latency", perActorRatio, totalRatio, p99Ratio));
        return lines;
    }

    private static boolean failed(CheckReport.Section section, String run, PipelinedLoad.Result result) {
        Throwable first = result.firstFailure();
        return section.fail(result.failures() + " of " + result.calls() + " " + run + " calls failed, the first with "
            + first.getClass().getSimpleName() + ": " + first.getMessage());
    }

    private static List<List<Transaction>> batches() {
        TransactionGenerator generator = new TransactionGenerator(SEED);
        List<List<Transaction>> batches = new ArrayList<>(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            List<Transaction> batch = new ArrayList<>(FraudScorer.MAX_BATCH);
            for (int i = 0; i < FraudScorer.MAX_BATCH; i++) {
                batch.add(generator.next());
            }
            batches.add(batch);
        }
        return batches;
    }
}
