package io.prism.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudModelTest {
    /** Not a seed ModelTrainer used: the bundled model has never seen these transactions. */
    private static final long UNSEEN_SEED = 31_337L;

    @TempDir
    Path dir;

    @Test
    void bundledModelSeparatesFraudFromLegitimateTransactionsItHasNotSeen() throws IOException {
        FraudModel model = bundledModel();
        List<LabeledTransaction> unseen = new TransactionGenerator(UNSEEN_SEED).labeled(20_000);

        double fraudRate = ModelTrainer.fraudRate(unseen);
        double auc = Auc.of(model, unseen);
        System.out.printf("bundled fraud.model on 20,000 unseen transactions: %.2f%% fraud, AUC %.4f%n",
            100 * fraudRate, auc);

        assertThat(fraudRate).as("fraud is a few percent of transactions").isBetween(0.01, 0.05);
        assertThat(auc).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesTheSameModelFile() throws IOException {
        List<LabeledTransaction> data = new TransactionGenerator(5).labeled(3_000);
        TrainingConfig config = TrainingConfig.defaults(11).withEpochs(2);

        byte[] first = bytes(FraudModel.train(data, config));
        byte[] second = bytes(FraudModel.train(data, config));
        byte[] otherSeed = bytes(FraudModel.train(data, TrainingConfig.defaults(12).withEpochs(2)));

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void savedModelLoadsBackWithTheSamePredictions() throws IOException {
        FraudModel model = bundledModel();
        Path file = dir.resolve("copy.model");

        model.save(file);
        FraudModel loaded = FraudModel.load(file);

        assertThat(Files.size(file)).isEqualTo(FraudModel.FILE_BYTES);
        for (Transaction tx : transactions(200)) {
            assertThat(loaded.predict(tx)).isEqualTo(model.predict(tx));
        }
    }

    @Test
    void aFileThatIsNotAModelIsRejectedWithItsPath() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the weights you are looking for");

        assertThatThrownBy(() -> FraudModel.load(file))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(file.toAbsolutePath().toString())
            .hasMessageContaining("is not a fraud model file");
    }

    @Test
    void aTruncatedModelIsRejectedWithItsPath() throws IOException {
        byte[] whole = bytes(bundledModel());
        Path file = dir.resolve("half.model");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> FraudModel.load(file))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(file.toAbsolutePath().toString())
            .hasMessageContaining("truncated");
    }

    @Test
    void predictRejectsTheWrongNumberOfFeatures() throws IOException {
        FraudModel model = bundledModel();

        assertThatThrownBy(() -> model.predict(new float[15]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("takes 16 features, got 15");
    }

    static FraudModel bundledModel() throws IOException {
        try (InputStream in = FraudScorer.class.getResourceAsStream(FraudScorer.DEFAULT_MODEL)) {
            assertThat(in).as("bundled resource " + FraudScorer.DEFAULT_MODEL).isNotNull();
            return FraudModel.load(in);
        }
    }

    static List<Transaction> transactions(int n) {
        return new TransactionGenerator(UNSEEN_SEED + n).labeled(n).stream().map(LabeledTransaction::tx).toList();
    }

    private static byte[] bytes(FraudModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }
}
