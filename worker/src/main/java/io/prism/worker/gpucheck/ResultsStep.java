package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.examples.fraud.FraudModel;
import io.prism.examples.fraud.FraudScorer;
import io.prism.examples.fraud.Transaction;
import io.prism.examples.fraud.TransactionGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 4: what the scorers compute on the GPU (cuBLAS or Prism's PTX kernel) agrees with the same model computed in
 * plain Java, transaction by transaction, within float tolerance. The other steps would pass with wrong sums.
 */
final class ResultsStep {
    /** Float sums in another order (GPU against Java) differ in the last bits; a wrong result is off by far more. */
    static final float TOLERANCE = 1e-4f;
    static final int TRANSACTIONS = 2_000;
    private static final long SEED = 20_261_125L;

    private ResultsStep() {
    }

    /** How far {@code got} is from {@code expected}: the largest difference, and the first index past tolerance. */
    record Difference(float largest, int firstOver) {
        static Difference between(float[] expected, float[] got) {
            if (got.length != expected.length) {
                throw new IllegalArgumentException(got.length + " scores for " + expected.length + " transactions");
            }
            float largest = 0;
            int firstOver = -1;
            for (int i = 0; i < expected.length; i++) {
                float d = Math.abs(expected[i] - got[i]);
                // NaN compares false both ways: count it as over
                if (!(d <= TOLERANCE) && firstOver < 0) {
                    firstOver = i;
                }
                largest = Float.isNaN(d) ? Float.NaN : Float.isNaN(largest) ? largest : Math.max(largest, d);
            }
            return new Difference(largest, firstOver);
        }

        boolean within() {
            return firstOver < 0;
        }
    }

    static boolean run(List<ActorHandle<FraudScorer>> scorers, CheckReport.Section section)
        throws InterruptedException {
        TransactionGenerator generator = new TransactionGenerator(SEED);
        List<Transaction> txs = new ArrayList<>(TRANSACTIONS);
        for (int i = 0; i < TRANSACTIONS; i++) {
            txs.add(generator.next());
        }
        FraudModel model = bundledModel();
        float[] expected = new float[TRANSACTIONS];
        for (int i = 0; i < TRANSACTIONS; i++) {
            expected[i] = model.predict(txs.get(i));
        }
        float largest = 0;
        for (ActorHandle<FraudScorer> scorer : scorers) {
            String name = scorer.name().orElse(scorer.id().value());
            float[] got;
            try {
                got = scorer.call(FraudScorer::scoreBatch, txs).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return section.fail(name + " could not score " + TRANSACTIONS + " transactions: " + e);
            }
            Difference d = Difference.between(expected, got);
            if (!d.within()) {
                int i = d.firstOver();
                return section.fail(String.format(Locale.ROOT, "%s scored transaction %d as %.6f on the GPU, the "
                    + "model in plain Java %.6f (tolerance %.0e): the GPU's matrix products are wrong", name, i,
                    got[i], expected[i], TOLERANCE));
            }
            largest = Math.max(largest, d.largest());
        }
        return section.pass(String.format(Locale.ROOT, "%d scorers × %,d transactions agree with the model in plain "
            + "Java (largest difference %.1e, tolerance %.0e)", scorers.size(), TRANSACTIONS, largest, TOLERANCE));
    }

    private static FraudModel bundledModel() {
        try (InputStream in = FraudScorer.class.getResourceAsStream(FraudScorer.DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + FraudScorer.DEFAULT_MODEL
                    + " is not on the class path");
            }
            return FraudModel.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
