package io.prism.examples.fraud;

/**
 * How {@link FraudModel#train} trains: the seed fixes the initial weights and the order of examples, so the same
 * data and config give the same model, bit for bit.
 *
 * @param seed         seeds weight initialization and per-epoch shuffling
 * @param epochs       passes over the training data, ≥ 1
 * @param batchSize    examples per Adam step, ≥ 1
 * @param learningRate Adam's step size at the first epoch, &gt; 0; it decays linearly to a tenth by the last
 */
public record TrainingConfig(long seed, int epochs, int batchSize, double learningRate) {
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs " + epochs + " must be ≥ 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize " + batchSize + " must be ≥ 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be a finite number > 0");
        }
    }

    /** The settings the bundled {@code fraud.model} was trained with, and {@code seed}. */
    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, 8, 64, 0.003);
    }

    public TrainingConfig withEpochs(int epochs) {
        return new TrainingConfig(seed, epochs, batchSize, learningRate);
    }
}
