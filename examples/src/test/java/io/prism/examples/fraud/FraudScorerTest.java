package io.prism.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.resources.context.SimulatedGpuContext;
import io.prism.resources.device.GpuDevice;
import io.prism.spi.CurrentActor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudScorerTest {
    private static final GpuDevice GPU = GpuDevice.simulated(0, 16L << 30);

    private SimulatedGpuContext gpu = new SimulatedGpuContext(GPU, 0.25, 64L << 20, "FraudScorer");

    @TempDir
    Path dir;

    @AfterEach
    void closeGpu() {
        gpu.close();
    }

    @Test
    void scoresMatchTheModelOneAtATimeAndInBatches() throws IOException {
        FraudModel model = FraudModelTest.bundledModel();
        // More than one GPU pass, with a partial last one.
        List<Transaction> txs = FraudModelTest.transactions(FraudScorer.MAX_BATCH * 2 + 100);
        FraudScorer scorer = asActor(() -> new FraudScorer(FraudScorer.DEFAULT_MODEL));

        float[] batch = asActor(() -> scorer.scoreBatch(txs));
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            float expected = model.predict(tx);
            assertThat(batch[i]).as("batch score %d", i).isCloseTo(expected, within(1e-5f));
            if (i % 50 == 0) {
                assertThat(asActor(() -> scorer.score(tx))).as("score %d", i).isCloseTo(expected, within(1e-5f));
            }
        }
    }

    @Test
    void scoringHoldsOnlyTheMemoryAllocatedAtConstruction() {
        FraudScorer scorer = asActor(() -> new FraudScorer(FraudScorer.DEFAULT_MODEL));
        assertThat(gpu.memoryUsed()).isEqualTo(FraudScorer.GPU_BYTES);

        asActor(() -> scorer.scoreBatch(FraudModelTest.transactions(3_000)));
        asActor(() -> scorer.score(FraudModelTest.transactions(1).get(0)));

        assertThat(gpu.memoryUsed()).isEqualTo(FraudScorer.GPU_BYTES);
        assertThat(gpu.memoryPeak()).isEqualTo(FraudScorer.GPU_BYTES);
        scorer.close();
        assertThat(gpu.memoryUsed()).isZero();
    }

    @Test
    void aModelFileIsLoadedFromItsPath() throws IOException {
        FraudModel model = FraudModel.train(new TransactionGenerator(8).labeled(2_000),
            TrainingConfig.defaults(8).withEpochs(1));
        Path file = dir.resolve("mine.model");
        model.save(file);
        Transaction tx = FraudModelTest.transactions(1).get(0);

        float score = asActor(() -> new FraudScorer(file.toString()).score(tx));

        assertThat(score).isCloseTo(model.predict(tx), within(1e-5f));
    }

    @Test
    void aMissingModelFileFailsNamingItsPath() {
        Path missing = dir.resolve("no-such.model");

        assertThatThrownBy(() -> asActor(() -> new FraudScorer(missing.toString())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("looked for the file " + missing.toAbsolutePath());
        assertThat(gpu.memoryUsed()).isZero();
    }

    @Test
    void aMissingRelativeNameFailsNamingTheFileAndTheBundledResourceItLookedFor() {
        assertThatThrownBy(() -> asActor(() -> new FraudScorer("fraud-v2.model")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("looked for the file " + Path.of("fraud-v2.model").toAbsolutePath())
            .hasMessageContaining("and the bundled resource io/prism/examples/fraud/fraud-v2.model");
    }

    @Test
    void aFileThatIsNotAModelFailsNamingIt() throws IOException {
        Path file = dir.resolve("weights.bin");
        Files.write(file, new byte[FraudModel.FILE_BYTES]);

        assertThatThrownBy(() -> asActor(() -> new FraudScorer(file.toString())))
            .hasMessageContaining(file.toAbsolutePath().toString())
            .hasMessageContaining("is not a fraud model file");
    }

    @Test
    void aBudgetTooSmallForTheWeightsFailsTheConstructorAndFreesWhatItTook() {
        gpu.close();
        gpu = new SimulatedGpuContext(GPU, 0.25, 1024, "FraudScorer");

        assertThatThrownBy(() -> asActor(() -> new FraudScorer(FraudScorer.DEFAULT_MODEL)))
            .isInstanceOf(GpuMemoryBudgetExceededException.class)
            .hasMessageContaining("needs " + FraudScorer.GPU_BYTES + " bytes of GPU memory")
            .hasMessageContaining("budget is 1024 bytes");
        assertThat(gpu.memoryUsed()).isZero();
    }

    @Test
    void aBudgetThatHoldsTheWeightsButNotTheBatchBuffersFailsToo() {
        gpu.close();
        gpu = new SimulatedGpuContext(GPU, 0.25, FraudScorer.GPU_BYTES - 1, "FraudScorer");

        assertThatThrownBy(() -> asActor(() -> new FraudScorer(FraudScorer.DEFAULT_MODEL)))
            .isInstanceOf(GpuMemoryBudgetExceededException.class);
        assertThat(gpu.memoryUsed()).isZero();
    }

    @Test
    void outsideAnActorTheScorerSaysItNeedsOne() {
        assertThatThrownBy(() -> new FraudScorer(FraudScorer.DEFAULT_MODEL))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("only inside a Prism actor");
    }

    /** Runs {@code body} as the runtime runs an actor's constructor or method: with its GpuContext bound. */
    private <T> T asActor(Supplier<T> body) {
        CurrentActor.Binding previous = CurrentActor.bind(new CurrentActor.Binding("FraudScorer", gpu));
        try {
            return body.get();
        } finally {
            CurrentActor.restore(previous);
        }
    }
}
