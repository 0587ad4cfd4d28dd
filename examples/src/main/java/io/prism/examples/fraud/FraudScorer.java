package io.prism.examples.fraud;

import io.prism.Gpu;
import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.gpu.DeviceBuffer;
import io.prism.gpu.GpuContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores card transactions for fraud on a quarter of a GPU.
 *
 * <p>The constructor loads a {@link FraudModel} and uploads its weights to the actor's GPU; each call runs the two
 * layers as cuBLAS matrix products ({@code sgemm}) on device buffers, and adds the biases and applies ReLU and the
 * sigmoid on the host in between. Input, hidden and output buffers for {@value #MAX_BATCH} transactions are
 * allocated once, here, so a call allocates no GPU memory; Prism runs one call at a time per actor, which is what
 * makes sharing them safe. A FraudScorer is therefore not thread-safe outside Prism.
 *
 * <pre>
 * ActorHandle&lt;FraudScorer&gt; scorer = prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL).create();
 * float risk = scorer.call(FraudScorer::score, tx).join();
 * </pre>
 */
@Gpu(0.25)
public class FraudScorer implements AutoCloseable {
    /** The model bundled with the examples, trained by {@link ModelTrainer}. */
    public static final String DEFAULT_MODEL = "fraud.model";

    /** Transactions scored in one GPU pass; {@link #scoreBatch} splits longer lists. */
    public static final int MAX_BATCH = 1024;

    private static final int IN = FraudModel.INPUTS;
    private static final int HID = FraudModel.HIDDEN;
    private static final String RESOURCE_DIR = "io/prism/examples/fraud/";

    /** GPU memory a scorer holds: the two weight matrices and the buffers for one full batch. */
    public static final long GPU_BYTES = (long) Float.BYTES * (HID * IN + HID + MAX_BATCH * (IN + HID + 1));

    private final GpuContext gpu;
    private final float[] b1;
    private final float b2;
    private final DeviceBuffer w1;
    private final DeviceBuffer w2;
    private final DeviceBuffer input;
    private final DeviceBuffer hidden;
    private final DeviceBuffer output;
    private final float[] hostInput = new float[MAX_BATCH * IN];
    private final float[] hostHidden = new float[MAX_BATCH * HID];
    private final float[] hostOutput = new float[MAX_BATCH];

    /**
     * Loads {@code model}, a model file's path or the name of a bundled model ({@value #DEFAULT_MODEL}), onto this
     * actor's GPU. A file at that path wins over a bundled model of the same name.
     *
     * @throws IllegalArgumentException when there is neither such a file nor such a bundled model
     * @throws UncheckedIOException when the model cannot be read or is not a fraud model
     * @throws GpuMemoryBudgetExceededException when the actor's GPU memory budget is below {@link #GPU_BYTES}
     */
    public FraudScorer(String model) {
        FraudModel weights = loadModel(model);
        this.gpu = GpuContext.current();
        this.b1 = weights.b1();
        this.b2 = weights.b2();
        List<DeviceBuffer> allocated = new ArrayList<>(5);
        try {
            this.w1 = keep(allocated, gpu.upload(weights.w1()));
            this.w2 = keep(allocated, gpu.upload(weights.w2()));
            this.input = keep(allocated, gpu.allocate((long) Float.BYTES * MAX_BATCH * IN));
            this.hidden = keep(allocated, gpu.allocate((long) Float.BYTES * MAX_BATCH * HID));
            this.output = keep(allocated, gpu.allocate((long) Float.BYTES * MAX_BATCH));
        } catch (GpuMemoryBudgetExceededException e) {
            allocated.forEach(DeviceBuffer::close);
            throw new GpuMemoryBudgetExceededException("FraudScorer(\"" + model + "\") needs " + GPU_BYTES
                + " bytes of GPU memory (weights and buffers for batches of " + MAX_BATCH + ") but its budget is "
                + gpu.memoryBudget() + " bytes with " + gpu.memoryFree()
                + " free; give it more with @Gpu(memory = ...) or .gpuMemory(...): " + e.getMessage());
        } catch (RuntimeException e) {
            allocated.forEach(DeviceBuffer::close);
            throw e;
        }
    }

    /** Probability that {@code tx} is fraud. */
    public float score(Transaction tx) {
        tx.writeFeatures(hostInput, 0);
        forward(1);
        return hostOutput[0];
    }

    /** Probability of fraud for each transaction, in order. */
    public float[] scoreBatch(List<Transaction> txs) {
        float[] scores = new float[txs.size()];
        for (int start = 0; start < scores.length; start += MAX_BATCH) {
            int count = Math.min(MAX_BATCH, scores.length - start);
            for (int b = 0; b < count; b++) {
                txs.get(start + b).writeFeatures(hostInput, b * IN);
            }
            forward(count);
            System.arraycopy(hostOutput, 0, scores, start, count);
        }
        return scores;
    }

    /** Frees the scorer's GPU memory; the scorer cannot score afterwards. */
    @Override
    public void close() {
        w1.close();
        w2.close();
        input.close();
        hidden.close();
        output.close();
    }

    /**
     * Runs the MLP on the first {@code batch} rows of {@code hostInput} into {@code hostOutput}.
     *
     * <p>Column-major as cuBLAS sees them: the input is a 16 × batch matrix (one column per transaction, which is
     * how {@link Transaction#writeFeatures} lays them out), and the row-major 32 × 16 weights are a column-major
     * 16 × 32 matrix, hence {@code transA}.
     */
    private void forward(int batch) {
        input.write(0, hostInput, 0, batch * IN);
        gpu.blas().sgemm(true, false, HID, batch, IN, 1f, w1, IN, input, IN, 0f, hidden, HID);
        hidden.read(0, hostHidden, 0, batch * HID);
        for (int b = 0; b < batch; b++) {
            int column = b * HID;
            for (int h = 0; h < HID; h++) {
                hostHidden[column + h] = Math.max(0f, hostHidden[column + h] + b1[h]);
            }
        }
        hidden.write(0, hostHidden, 0, batch * HID);
        gpu.blas().sgemm(true, false, 1, batch, HID, 1f, w2, HID, hidden, HID, 0f, output, 1);
        output.read(0, hostOutput, 0, batch);
        for (int b = 0; b < batch; b++) {
            hostOutput[b] = FraudModel.sigmoid(hostOutput[b] + b2);
        }
    }

    private static DeviceBuffer keep(List<DeviceBuffer> allocated, DeviceBuffer buffer) {
        allocated.add(buffer);
        return buffer;
    }

    private static FraudModel loadModel(String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("FraudScorer needs a model: a model file's path or \""
                + DEFAULT_MODEL + "\" for the bundled one, got " + (model == null ? "null" : "\"" + model + "\""));
        }
        Path file = Path.of(model);
        boolean mayBeBundled = !file.isAbsolute();
        try {
            if (Files.isRegularFile(file)) {
                return FraudModel.load(file);
            }
            if (mayBeBundled) {
                try (InputStream in = FraudScorer.class.getResourceAsStream(model)) {
                    if (in != null) {
                        return FraudModel.load(in, "bundled model " + RESOURCE_DIR + model);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("FraudScorer cannot load model \"" + model + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("FraudScorer: no model \"" + model + "\": looked for the file "
            + file.toAbsolutePath() + (mayBeBundled ? " and the bundled resource " + RESOURCE_DIR + model : "")
            + "; pass a model file's path or \"" + DEFAULT_MODEL + "\" for the bundled model");
    }
}
