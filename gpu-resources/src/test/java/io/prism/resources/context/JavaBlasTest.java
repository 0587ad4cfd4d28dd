package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prism.gpu.Blas;
import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.GpuDevice;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaBlasTest {
    private final CloseableGpuContext gpu = GpuContexts.forDevice(GpuDevice.simulated(0, 1L << 30), 0.5, 1L << 28,
        "Scorer");
    private final Blas blas = gpu.blas();
    private final SplittableRandom random = new SplittableRandom(42);

    @AfterEach
    void close() {
        gpu.close();
    }

    @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} pad={5}")
    @CsvSource({
        "false, false, 7, 5, 3, 0",
        "true,  false, 7, 5, 3, 0",
        "false, true,  7, 5, 3, 0",
        "true,  true,  7, 5, 3, 0",
        "false, false, 33, 17, 29, 3",
        "true,  false, 33, 17, 29, 2",
        "false, true,  33, 17, 29, 5",
        "true,  true,  33, 17, 29, 1",
        "false, false, 1, 64, 40, 4",
        "true,  true,  64, 1, 1, 0",
    })
    void sgemmMatchesTheDefinitionIncludingTransposesAndPadding(boolean transA, boolean transB, int m, int n, int k,
                                                                 int pad) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aRows + pad;
        int ldb = bRows + pad + 1;
        int ldc = m + pad;
        float[] a = randomFloats(lda * aCols);
        float[] b = randomFloats(ldb * bCols);
        float[] c = randomFloats(ldc * n);
        float alpha = 1.5f;
        float beta = -0.75f;
        float[] expected = reference(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c.clone(), ldc);

        float[] actual = run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("C[%d]", i).isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void paddingRowsOfCAreLeftAlone() {
        int m = 3;
        int n = 2;
        int ldc = 5;
        float[] c = new float[ldc * n];
        Arrays.fill(c, 7f);

        float[] out = run(false, false, m, n, 1, 1f, new float[] {1, 2, 3}, m, new float[] {1, 1}, 1, 0f, c, ldc);

        assertThat(out).containsExactly(1, 2, 3, 7, 7, 1, 2, 3, 7, 7);
    }

    @Test
    void betaZeroOverwritesNanInC() {
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};

        float[] nn = run(false, false, 2, 2, 1, 1f, new float[] {1, 2}, 2, new float[] {3, 4}, 1, 0f, c.clone(), 2);
        float[] tn = run(true, false, 2, 2, 1, 1f, new float[] {1, 2}, 1, new float[] {3, 4}, 1, 0f, c.clone(), 2);

        assertThat(nn).containsExactly(3, 6, 4, 8);
        assertThat(tn).containsExactly(3, 6, 4, 8);
    }

    @Test
    void alphaZeroOrKZeroOnlyScalesC() {
        float[] c = {1, 2, 3, 4};

        float[] alphaZero = run(false, false, 2, 2, 1, 0f, new float[] {9, 9}, 2, new float[] {9, 9}, 1, 2f,
            c.clone(), 2);
        float[] kZero = run(false, false, 2, 2, 0, 1f, new float[1], 2, new float[1], 1, 0.5f, c.clone(), 2);

        assertThat(alphaZero).containsExactly(2, 4, 6, 8);
        assertThat(kZero).containsExactly(0.5f, 1, 1.5f, 2);
    }

    @Test
    void rejectsALeadingDimensionSmallerThanTheRowsStored() {
        DeviceBuffer a = gpu.allocate(64 * Float.BYTES);

        assertThatThrownBy(() -> blas.sgemm(true, false, 4, 4, 3, 1f, a, 2, a, 3, 0f, a, 4))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("sgemm: lda 2 must be ≥ max(1, k = 3), the rows of A (transposed) as stored");
        assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 3, 1f, a, 4, a, 3, 0f, a, 3))
            .hasMessageContaining("ldc 3 must be ≥ max(1, m = 4)");
    }

    @Test
    void rejectsABufferTooSmallForItsMatrix() {
        DeviceBuffer a = gpu.allocate(11 * Float.BYTES);
        DeviceBuffer b = gpu.allocate(12 * Float.BYTES);
        DeviceBuffer c = gpu.allocate(16 * Float.BYTES);

        assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 3, 1f, a, 4, b, 3, 0f, c, 4))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("sgemm: A needs 12 floats (4×3 with leading dimension 4) but its buffer holds 11");
    }

    @Test
    void rejectsBuffersOfAnotherContextAndCAliasingA() {
        DeviceBuffer mine = gpu.allocate(16 * Float.BYTES);
        try (CloseableGpuContext other = GpuContexts.forDevice(GpuDevice.simulated(1, 1L << 30), 0.5, 1L << 20,
            "Other")) {
            DeviceBuffer theirs = other.allocate(16 * Float.BYTES);

            assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 4, 1f, theirs, 4, mine, 4, 0f, mine, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buffer A")
                .hasMessageContaining("was not allocated by this GpuContext (Scorer on GPU 0)");
        }
        DeviceBuffer b = gpu.allocate(16 * Float.BYTES);
        assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 4, 1f, mine, 4, b, 4, 0f, mine, 4))
            .hasMessageContaining("C must not be the same buffer as A or B");
    }

    private float[] run(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
                        float[] b, int ldb, float beta, float[] c, int ldc) {
        try (DeviceBuffer da = gpu.upload(a); DeviceBuffer db = gpu.upload(b); DeviceBuffer dc = gpu.upload(c)) {
            blas.sgemm(transA, transB, m, n, k, alpha, da, lda, db, ldb, beta, dc, ldc);
            float[] out = new float[c.length];
            dc.read(0, out, 0, out.length);
            return out;
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C straight from the definition, in double. */
    private static float[] reference(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a,
                                     int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double opA = transA ? a[p + i * lda] : a[i + p * lda];
                    double opB = transB ? b[j + p * ldb] : b[p + j * ldb];
                    sum += opA * opB;
                }
                c[i + j * ldc] = (float) (alpha * sum + beta * c[i + j * ldc]);
            }
        }
        return c;
    }

    private float[] randomFloats(int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
