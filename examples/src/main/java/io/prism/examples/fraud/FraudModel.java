package io.prism.examples.fraud;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The fraud model: an MLP with {@value #INPUTS} inputs ({@link Transaction#features()}), {@value #HIDDEN} ReLU
 * hidden units and one sigmoid output, the probability that a transaction is fraud. {@link #predict} runs it on the
 * CPU; {@link FraudScorer} runs the same weights on a GPU.
 *
 * <h2>File format</h2>
 * Big-endian, as {@link DataOutputStream} writes it:
 * <pre>
 * int   magic    0x50524D46 ("PRMF")
 * int   version  1
 * int   inputs   16
 * int   hidden   32
 * int   outputs  1
 * float w1[hidden × inputs]   row-major: the weights of hidden unit h are w1[h·inputs .. h·inputs + inputs − 1]
 * float b1[hidden]
 * float w2[outputs × hidden]
 * float b2[outputs]
 * </pre>
 * and nothing after; 2,328 bytes in all.
 */
public final class FraudModel {
    public static final int INPUTS = Transaction.FEATURES;
    public static final int HIDDEN = 32;

    static final int MAGIC = 0x50524D46;
    static final int VERSION = 1;
    private static final int HEADER_BYTES = 5 * Integer.BYTES;
    static final int FILE_BYTES = HEADER_BYTES + (HIDDEN * INPUTS + HIDDEN + HIDDEN + 1) * Float.BYTES;

    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float b2;

    FraudModel(float[] w1, float[] b1, float[] w2, float b2) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** Called after each training epoch, e.g. to print progress or evaluate the model so far. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, double meanLoss, FraudModel model);
    }

    /** Trains a model on {@code data}; the same data and config always give the same weights. */
    public static FraudModel train(List<LabeledTransaction> data, TrainingConfig config) {
        return train(data, config, (epoch, loss, model) -> { });
    }

    /** As {@link #train(List, TrainingConfig)}, calling {@code listener} after every epoch (1-based). */
    public static FraudModel train(List<LabeledTransaction> data, TrainingConfig config, EpochListener listener) {
        Objects.requireNonNull(config, "config");
        MlpTrainer trainer = new MlpTrainer(data, config);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double loss = trainer.epoch(epoch);
            listener.epochDone(epoch + 1, loss, trainer.model());
        }
        return trainer.model();
    }

    /** Probability of fraud for {@value #INPUTS} encoded features. */
    public float predict(float[] features) {
        if (features.length != INPUTS) {
            throw new IllegalArgumentException(
                "the fraud model takes " + INPUTS + " features, got " + features.length);
        }
        float z = b2;
        for (int h = 0; h < HIDDEN; h++) {
            float a = b1[h];
            int row = h * INPUTS;
            for (int i = 0; i < INPUTS; i++) {
                a += w1[row + i] * features[i];
            }
            z += w2[h] * Math.max(0f, a);
        }
        return sigmoid(z);
    }

    /** Probability that {@code tx} is fraud. */
    public float predict(Transaction tx) {
        return predict(tx.features());
    }

    static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** Hidden-layer weights, HIDDEN × INPUTS row-major (a copy). */
    float[] w1() {
        return w1.clone();
    }

    float[] b1() {
        return b1.clone();
    }

    /** Output weights, one per hidden unit (a copy). */
    float[] w2() {
        return w2.clone();
    }

    float b2() {
        return b2;
    }

    /** Writes the model to {@code file} in the format above, replacing it. */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            save(out);
        }
    }

    /** Writes the model to {@code out} in the format above; does not close it. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(INPUTS);
        data.writeInt(HIDDEN);
        data.writeInt(1);
        writeFloats(data, w1);
        writeFloats(data, b1);
        writeFloats(data, w2);
        data.writeFloat(b2);
        data.flush();
    }

    /** Reads a model file; a file that is not one fails with an {@link IOException} naming it. */
    public static FraudModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toAbsolutePath().toString());
        }
    }

    /** Reads a model from {@code in} (to its end); does not close it. */
    public static FraudModel load(InputStream in) throws IOException {
        return load(in, "fraud model stream");
    }

    /** Reads a model from {@code in}; {@code source} names it in errors (a path, or a resource). */
    static FraudModel load(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        try {
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw new IOException(String.format(
                    "%s is not a fraud model file: it starts with 0x%08X, a model starts with 0x%08X (\"PRMF\")",
                    source, magic, MAGIC));
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException(source + " is fraud model format version " + version
                    + ", this code reads version " + VERSION);
            }
            int inputs = data.readInt();
            int hidden = data.readInt();
            int outputs = data.readInt();
            if (inputs != INPUTS || hidden != HIDDEN || outputs != 1) {
                throw new IOException(source + " is a " + inputs + "→" + hidden + "→" + outputs
                    + " network; FraudModel is " + INPUTS + "→" + HIDDEN + "→1");
            }
            float[] w1 = readFloats(data, HIDDEN * INPUTS, source);
            float[] b1 = readFloats(data, HIDDEN, source);
            float[] w2 = readFloats(data, HIDDEN, source);
            float b2 = readFloats(data, 1, source)[0];
            if (data.read() != -1) {
                throw new IOException(source + " has bytes after the weights: a fraud model file is "
                    + FILE_BYTES + " bytes");
            }
            return new FraudModel(w1, b1, w2, b2);
        } catch (EOFException e) {
            throw new IOException(source + " is truncated: a fraud model file is " + FILE_BYTES + " bytes", e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in, int count, String source) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
            if (!Float.isFinite(values[i])) {
                throw new IOException(source + " holds a weight that is " + values[i] + "; weights must be finite");
            }
        }
        return values;
    }
}
