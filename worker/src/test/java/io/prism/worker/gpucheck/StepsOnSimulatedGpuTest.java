package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.ActorId;
import io.prism.ActorState;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.examples.fraud.FraudScorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps 4 and 5 on an embedded Prism with one simulated GPU, where actors share the worker JVM: the same calls,
 * placements and budget checks as on a GPU, without executors or MPS.
 */
class StepsOnSimulatedGpuTest {
    private static Prism prism;
    private static final List<ActorHandle<FraudScorer>> SCORERS = new ArrayList<>();

    private final StringWriter text = new StringWriter();
    private final CheckReport report = new CheckReport(new PrintWriter(text, true), 5);

    @BeforeAll
    static void fourScorersOnOneGpu() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:1x1GiB").build());
        for (int i = 1; i <= 4; i++) {
            SCORERS.add(scorer("fraud-" + i));
        }
    }

    @AfterAll
    static void close() {
        prism.close();
    }

    private static ActorHandle<FraudScorer> scorer(String name) {
        return prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL).name(name).create();
    }

    @Test
    void everyScorersScoresAgreeWithTheModelInPlainJava() throws InterruptedException {
        boolean passed = ResultsStep.run(SCORERS, report.step(4, "results"));

        assertThat(passed).as("step 4 passed:%n%s", text).isTrue();
        assertThat(text.toString()).containsPattern("PASS  4 scorers × 2,000 transactions agree with the model in "
            + "plain Java \\(largest difference .*, tolerance 1e-04\\)");
    }

    @Test
    void oneScoreOffByMoreThanTheToleranceIsFound() {
        float[] expected = {0.1f, 0.5f, 0.9f};

        assertThat(ResultsStep.Difference.between(expected, new float[] {0.1f, 0.50005f, 0.9f}).within()).isTrue();
        assertThat(ResultsStep.Difference.between(expected, new float[] {0.1f, 0.5f, 0.8f}).firstOver()).isEqualTo(2);
        assertThat(ResultsStep.Difference.between(expected, new float[] {Float.NaN, 0.5f, 0.9f}).firstOver())
            .as("NaN from the GPU is a wrong result").isZero();
    }

    @Test
    void anAllocationPastTheBudgetFailsForTheHogAloneAndTheLastScorerComesBack() {
        ActorId lastBefore = SCORERS.get(3).id();

        boolean passed = new BudgetStep(prism, 0, actor -> "in the worker JVM").run(SCORERS,
            StepsOnSimulatedGpuTest::scorer, report.step(5, "budget"));

        assertThat(passed).as("step 5 passed:%n%s", text).isTrue();
        assertThat(text.toString())
            .contains("fraud-4 stopped to make room on GPU 0")
            .contains("budget-hog on GPU 0 (SHARED, in the worker JVM): budget 256 MiB, MPS memory limit none")
            .contains("allocated and freed 1 MiB within the budget")
            .containsPattern("allocating one byte more than is free: GpuMemoryBudgetExceededException: "
                + "BudgetHog 'budget-hog' .* on GPU 0: allocating .* would exceed its 256 MiB budget")
            .contains("budget-hog still answers, holding 0 B")
            .contains("3 scorers answer as before")
            .contains("fraud-4 started again on GPU 0")
            .contains("PASS  the allocation past its budget failed for budget-hog alone; 3 scorers kept answering");
        ActorHandle<FraudScorer> last = SCORERS.get(3);
        assertThat(last.id()).isNotEqualTo(lastBefore);
        assertThat(last.name()).contains("fraud-4");
        assertThat(prism.state().actors()).filteredOn(a -> "budget-hog".equals(a.name()))
            .allSatisfy(a -> assertThat(a.state()).isEqualTo(ActorState.DEAD));
    }

    @Test
    void throughputIsMeasuredForOneScorerAloneThenForAll() throws InterruptedException {
        boolean passed = ThroughputStep.run(SCORERS, 8, 2, report.step(6, "throughput"));

        assertThat(passed).as("step 6 passed:%n%s", text).isTrue();
        assertThat(text.toString())
            .contains("each call scores 1,024 transactions; 8 calls per actor after 2 warm-up calls each")
            .containsPattern("(?m)^   alone \\(fraud-1\\) +8 +[\\d,]+ +[\\d,]+ ")
            .containsPattern("(?m)^   together \\(all 4\\) +32 +[\\d,]+ +[\\d,]+ ")
            .contains("together / alone: ")
            .contains("PASS  8 calls answered alone and 32 together");
    }
}
