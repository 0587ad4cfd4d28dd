package io.prism.examples.fraud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the fraud model on synthetic transactions and writes its weights file; this is how the bundled
 * {@code fraud.model} was made.
 *
 * <pre>
 * java -cp prism-examples.jar io.prism.examples.fraud.ModelTrainer [output-file]
 * </pre>
 * The default output is the bundled resource in this repository's examples module.
 */
public final class ModelTrainer {
    /** Seeds of the bundled model: training data, held-out data and training (initial weights, shuffling). */
    static final long TRAIN_DATA_SEED = 20_240_601L;
    static final long HELD_OUT_SEED = 7_000_001L;
    static final long TRAINING_SEED = 42L;
    static final int TRAIN_EXAMPLES = 50_000;
    static final int HELD_OUT_EXAMPLES = 20_000;

    private static final Path DEFAULT_OUTPUT =
        Path.of("examples/src/main/resources/io/prism/examples/fraud", FraudScorer.DEFAULT_MODEL);

    private ModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: ModelTrainer [output-file]   (default " + DEFAULT_OUTPUT + ")");
            System.exit(2);
        }
        Path output = args.length == 1 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        long start = System.nanoTime();
        List<LabeledTransaction> train = new TransactionGenerator(TRAIN_DATA_SEED).labeled(TRAIN_EXAMPLES);
        List<LabeledTransaction> heldOut = new TransactionGenerator(HELD_OUT_SEED).labeled(HELD_OUT_EXAMPLES);
        System.out.printf("data: %,d training transactions (%.2f%% fraud), %,d held out (%.2f%% fraud)%n",
            train.size(), 100 * fraudRate(train), heldOut.size(), 100 * fraudRate(heldOut));

        TrainingConfig config = TrainingConfig.defaults(TRAINING_SEED);
        FraudModel model = FraudModel.train(train, config, (epoch, loss, snapshot) ->
            System.out.printf("epoch %d/%d  loss %.4f  held-out AUC %.4f%n",
                epoch, config.epochs(), loss, Auc.of(snapshot, heldOut)));

        model.save(output);
        System.out.printf("saved %s (%,d bytes) in %.1f s%n", output.toAbsolutePath(), Files.size(output),
            (System.nanoTime() - start) / 1e9);
    }

    static double fraudRate(List<LabeledTransaction> data) {
        long frauds = data.stream().filter(LabeledTransaction::fraud).count();
        return (double) frauds / data.size();
    }
}
