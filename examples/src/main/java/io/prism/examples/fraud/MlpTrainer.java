package io.prism.examples.fraud;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mini-batch Adam on binary cross-entropy for {@link FraudModel}'s MLP, single-threaded so that the same seed gives
 * the same weights: float sums in a fixed order, StrictMath for exp and log.
 */
final class MlpTrainer {
    private static final int IN = FraudModel.INPUTS;
    private static final int HID = FraudModel.HIDDEN;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final TrainingConfig config;
    private final Random random;
    private final float[] x;
    private final float[] y;
    private final int n;

    /** Parameters in one array: w1 (HID × IN, row per hidden unit), b1 (HID), w2 (HID), b2 (1). */
    private final float[] params;
    private final double[] grad;
    private final double[] m;
    private final double[] v;
    private final float[] hidden = new float[HID];
    private long step;

    private static final int W1 = 0;
    private static final int B1 = W1 + HID * IN;
    private static final int W2 = B1 + HID;
    private static final int B2 = W2 + HID;
    private static final int SIZE = B2 + 1;

    MlpTrainer(List<LabeledTransaction> data, TrainingConfig config) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("cannot train a fraud model on 0 examples");
        }
        this.config = config;
        this.random = new Random(config.seed());
        this.n = data.size();
        this.x = new float[n * IN];
        this.y = new float[n];
        int frauds = 0;
        for (int i = 0; i < n; i++) {
            LabeledTransaction example = data.get(i);
            example.tx().writeFeatures(x, i * IN);
            y[i] = example.fraud() ? 1f : 0f;
            frauds += example.fraud() ? 1 : 0;
        }
        this.params = new float[SIZE];
        this.grad = new double[SIZE];
        this.m = new double[SIZE];
        this.v = new double[SIZE];
        initialize(frauds);
    }

    /** He initialization for the ReLU layer; the output bias starts at the base rate's log-odds. */
    private void initialize(int frauds) {
        double scale1 = StrictMath.sqrt(2.0 / IN);
        for (int i = W1; i < B1; i++) {
            params[i] = (float) (random.nextGaussian() * scale1);
        }
        double scale2 = StrictMath.sqrt(1.0 / HID);
        for (int i = W2; i < B2; i++) {
            params[i] = (float) (random.nextGaussian() * scale2);
        }
        double rate = (frauds + 0.5) / (n + 1.0);
        params[B2] = (float) StrictMath.log(rate / (1 - rate));
    }

    /** Trains one more epoch and returns its mean training loss. */
    double epoch(int epochIndex) {
        int[] order = shuffledOrder();
        double lr = config.learningRate() * (1 - 0.9 * epochIndex / (double) Math.max(1, config.epochs() - 1));
        double lossSum = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            int end = Math.min(n, start + config.batchSize());
            Arrays.fill(grad, 0);
            for (int k = start; k < end; k++) {
                lossSum += accumulate(order[k]);
            }
            adamStep(lr, end - start);
        }
        return lossSum / n;
    }

    FraudModel model() {
        float[] w1 = Arrays.copyOfRange(params, W1, B1);
        float[] b1 = Arrays.copyOfRange(params, B1, W2);
        float[] w2 = Arrays.copyOfRange(params, W2, B2);
        return new FraudModel(w1, b1, w2, params[B2]);
    }

    private int[] shuffledOrder() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Forward and backward pass for one example; adds its gradient and returns its loss. */
    private double accumulate(int example) {
        int xOff = example * IN;
        float z = params[B2];
        for (int h = 0; h < HID; h++) {
            float a = params[B1 + h];
            int row = W1 + h * IN;
            for (int i = 0; i < IN; i++) {
                a += params[row + i] * x[xOff + i];
            }
            hidden[h] = Math.max(0f, a);
            z += params[W2 + h] * hidden[h];
        }
        double target = y[example];
        double p = 1 / (1 + StrictMath.exp(-z));
        double loss = Math.max(z, 0) - z * target + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
        double dz = p - target;
        grad[B2] += dz;
        for (int h = 0; h < HID; h++) {
            grad[W2 + h] += dz * hidden[h];
            if (hidden[h] > 0) {
                double dh = dz * params[W2 + h];
                grad[B1 + h] += dh;
                int row = W1 + h * IN;
                for (int i = 0; i < IN; i++) {
                    grad[row + i] += dh * x[xOff + i];
                }
            }
        }
        return loss;
    }

    private void adamStep(double lr, int batch) {
        step++;
        double correction1 = 1 - StrictMath.pow(BETA1, step);
        double correction2 = 1 - StrictMath.pow(BETA2, step);
        for (int i = 0; i < SIZE; i++) {
            double g = grad[i] / batch;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            params[i] -= (float) (lr * mHat / (StrictMath.sqrt(vHat) + EPSILON));
        }
    }
}
