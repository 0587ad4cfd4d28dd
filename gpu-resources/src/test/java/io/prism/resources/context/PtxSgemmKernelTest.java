package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.GpuDevice;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PTX kernel's arithmetic, run on the CPU: {@link #prismSgemm} is a line-for-line transcription of the body of
 * {@code src/main/cuda/prism_sgemm.cu}, launched over every thread of the grid {@link PtxSgemm.Grid} gives, and
 * compared with the simulated GPU's sgemm. A wrong index, stride or bound in the kernel's formulas shows up here;
 * the GPU's own execution can only be checked on a GPU.
 */
class PtxSgemmKernelTest {
    private final CloseableGpuContext simulated = GpuContexts.forDevice(GpuDevice.simulated(0, 1L << 30), 0.5,
        1L << 28, "Reference");
    private final SplittableRandom random = new SplittableRandom(7);

    @AfterEach
    void close() {
        simulated.close();
    }

    @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} pad={5} alpha={6} beta={7}")
    @CsvSource({
        "false, false, 1, 1, 1, 0, 1, 0",
        "false, false, 16, 16, 16, 0, 1, 0",
        "false, false, 17, 33, 5, 0, 1.5, -0.75",
        "true,  false, 17, 33, 5, 2, 1.5, -0.75",
        "false, true,  17, 33, 5, 1, 1.5, -0.75",
        "true,  true,  17, 33, 5, 3, 1.5, -0.75",
        "true,  false, 32, 1024, 16, 0, 1, 0",
        "true,  false, 1, 1024, 32, 0, 1, 0",
        "false, true,  40, 3, 29, 4, -2, 1",
        "true,  true,  3, 40, 1, 0, 0.5, 2",
    })
    void theKernelsFormulasGiveWhatTheSimulatedGpuGives(boolean transA, boolean transB, int m, int n, int k,
                                                        int pad, float alpha, float beta) {
        int aRows = transA ? k : m;
        int bRows = transB ? n : k;
        int lda = aRows + pad;
        int ldb = bRows + pad + 1;
        int ldc = m + pad;
        float[] a = randomFloats(lda * (transA ? m : k));
        float[] b = randomFloats(ldb * (transB ? k : n));
        float[] c = randomFloats(ldc * n);

        float[] expected = onSimulatedGpu(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        float[] actual = c.clone();
        launch(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, actual, ldc);

        assertClose(actual, expected);
    }

    @Test
    void betaZeroOverwritesNanInCAndAlphaZeroReadsNeitherAnorB() {
        float[] nans = new float[12];
        Arrays.fill(nans, Float.NaN);
        float[] a = randomFloats(12);
        float[] b = randomFloats(12);

        float[] c = nans.clone();
        launch(false, false, 3, 4, 3, 1f, a, 3, b, 3, 0f, c, 3);
        assertThat(c).doesNotContain(Float.NaN);
        assertClose(c, onSimulatedGpu(false, false, 3, 4, 3, 1f, a, 3, b, 3, 0f, nans, 3));

        float[] before = randomFloats(12);
        float[] scaled = before.clone();
        launch(false, false, 3, 4, 3, 0f, nans, 3, nans, 3, 0.5f, scaled, 3);
        for (int i = 0; i < scaled.length; i++) {
            assertThat(scaled[i]).as("C[%d]", i).isEqualTo(0.5f * before[i]);
        }
    }

    @Test
    void kZeroGivesBetaTimesCWithoutTouchingAOrB() {
        float[] c = randomFloats(6);
        float[] expected = onSimulatedGpu(false, false, 2, 3, 0, 1f, null, 2, null, 1, -3f, c, 2);

        float[] actual = c.clone();
        launch(false, false, 2, 3, 0, 1f, null, 2, null, 1, -3f, actual, 2);

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void columnsBeyondTheGridsYLimitAreEachComputedOnce() {
        int n = PtxSgemm.MAX_GRID_Y * PtxSgemm.BLOCK + 37;
        assertThat(PtxSgemm.Grid.of(2, n).y()).isEqualTo(PtxSgemm.MAX_GRID_Y);
        float[] a = {2f, 3f};
        float[] b = randomFloats(n);
        float[] c = randomFloats(2 * n);

        float[] expected = onSimulatedGpu(false, false, 2, n, 1, 1f, a, 2, b, 1, 1f, c, 2);
        float[] actual = c.clone();
        launch(false, false, 2, n, 1, 1f, a, 2, b, 1, 1f, actual, 2);

        // beta = 1: a column computed twice would hold C + 2·A·B, one never computed the old C.
        assertClose(actual, expected);
    }

    /** CUDA's uint3 for the two dimensions the kernel uses. */
    private record Dim3(int x, int y) {
    }

    /** Runs {@link #prismSgemm} for every thread of the launch PtxSgemm makes, one after another. */
    private static void launch(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
                               float[] b, int ldb, float beta, float[] c, int ldc) {
        PtxSgemm.Grid grid = PtxSgemm.Grid.of(m, n);
        Dim3 gridDim = new Dim3(grid.x(), grid.y());
        Dim3 blockDim = new Dim3(PtxSgemm.BLOCK, PtxSgemm.BLOCK);
        for (int bx = 0; bx < gridDim.x(); bx++) {
            for (int by = 0; by < gridDim.y(); by++) {
                Dim3 blockIdx = new Dim3(bx, by);
                for (int ty = 0; ty < blockDim.y(); ty++) {
                    for (int tx = 0; tx < blockDim.x(); tx++) {
                        prismSgemm(blockIdx, blockDim, new Dim3(tx, ty), gridDim, transA ? 1 : 0, transB ? 1 : 0,
                            m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                    }
                }
            }
        }
    }

    // prism_sgemm.cu, line for line: keep the two the same. Java arrays take int indices, hence ix(...).
    private static void prismSgemm(Dim3 blockIdx, Dim3 blockDim, Dim3 threadIdx, Dim3 gridDim,
                                   int transA, int transB, int m, int n, int k, float alpha,
                                   float[] a, int lda, float[] b, int ldb,
                                   float beta, float[] c, int ldc) {
        long i = (long) blockIdx.x() * blockDim.x() + threadIdx.x();
        if (i >= m) {
            return;
        }
        for (long j = (long) blockIdx.y() * blockDim.y() + threadIdx.y(); j < n;
             j += (long) gridDim.y() * blockDim.y()) {
            float sum = 0.0f;
            // alpha == 0 (or k == 0) reads neither A nor B, as BLAS specifies: NaN there does not reach C.
            if (alpha != 0.0f) {
                for (int p = 0; p < k; p++) {
                    float x = transA != 0 ? a[ix(p + i * lda)] : a[ix(i + (long) p * lda)];
                    float y = transB != 0 ? b[ix(j + (long) p * ldb)] : b[ix(p + j * ldb)];
                    sum += x * y;
                }
            }
            long at = i + j * ldc;
            // beta == 0 does not read C, which may hold NaN then.
            c[ix(at)] = beta == 0.0f ? alpha * sum : alpha * sum + beta * c[ix(at)];
        }
    }

    private static int ix(long index) {
        return Math.toIntExact(index);
    }

    /** C after the simulated GPU's sgemm (JavaBlas); {@code c} itself is left as it was. */
    private float[] onSimulatedGpu(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a,
                                   int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        try (DeviceBuffer da = a == null ? null : simulated.upload(a);
             DeviceBuffer db = b == null ? null : simulated.upload(b);
             DeviceBuffer dc = simulated.upload(c)) {
            simulated.blas().sgemm(transA, transB, m, n, k, alpha, da, lda, db, ldb, beta, dc, ldc);
            float[] out = new float[c.length];
            dc.read(0, out, 0, out.length);
            return out;
        }
    }

    /** Equal up to float rounding: the two sum in different orders. Padding rows must be exactly as they were. */
    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("C[%d]", i).isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
        }
    }

    private float[] randomFloats(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
