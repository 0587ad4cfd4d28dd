package io.prism.resources.context;

import io.prism.gpu.Blas;
import io.prism.gpu.DeviceBuffer;
import java.util.Arrays;

/**
 * BLAS on a simulated GPU's host buffers, with cuBLAS's column-major conventions so that actor code gives the same
 * answers on both paths. Loops run down columns (the contiguous direction) and allocate nothing.
 */
final class JavaBlas implements Blas {
    private final AbstractGpuContext context;

    JavaBlas(AbstractGpuContext context) {
        this.context = context;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, DeviceBuffer a, int lda,
                      DeviceBuffer b, int ldb, float beta, DeviceBuffer c, int ldc) {
        context.ensureOpen();
        SgemmArguments.check(context, HostBuffer.class, transA, transB, m, n, k, a, lda, b, ldb, c, ldc);
        if (m == 0 || n == 0 || ((alpha == 0f || k == 0) && beta == 1f)) {
            return;
        }
        float[] cm = ((HostBuffer) c).array();
        if (alpha == 0f || k == 0) {
            for (int j = 0; j < n; j++) {
                scale(cm, j * ldc, m, beta);
            }
            return;
        }
        float[] am = ((HostBuffer) a).array();
        float[] bm = ((HostBuffer) b).array();
        if (transA) {
            dots(transB, m, n, k, alpha, am, lda, bm, ldb, beta, cm, ldc);
        } else {
            columns(transB, m, n, k, alpha, am, lda, bm, ldb, beta, cm, ldc);
        }
    }

    /** op(A) = A: each column of C is beta·C plus a sum of A's columns weighted by op(B)'s column. */
    private static void columns(boolean transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b,
                                int ldb, float beta, float[] c, int ldc) {
        for (int j = 0; j < n; j++) {
            int cj = j * ldc;
            scale(c, cj, m, beta);
            for (int p = 0; p < k; p++) {
                float t = alpha * (transB ? b[j + p * ldb] : b[p + j * ldb]);
                int ap = p * lda;
                for (int i = 0; i < m; i++) {
                    c[cj + i] += t * a[ap + i];
                }
            }
        }
    }

    /** op(A) = Aᵀ: each element of C is a dot product of a column of A with op(B)'s column. */
    private static void dots(boolean transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b,
                             int ldb, float beta, float[] c, int ldc) {
        for (int j = 0; j < n; j++) {
            int cj = j * ldc;
            for (int i = 0; i < m; i++) {
                int ai = i * lda;
                float sum = 0f;
                if (transB) {
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[j + p * ldb];
                    }
                } else {
                    int bj = j * ldb;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                }
                // beta == 0 must not read C: cuBLAS allows C to hold NaN then.
                c[cj + i] = beta == 0f ? alpha * sum : alpha * sum + beta * c[cj + i];
            }
        }
    }

    /** C[from..from+m) *= beta, writing zeros for beta == 0 so that NaN in C does not survive (as in cuBLAS). */
    private static void scale(float[] c, int from, int m, float beta) {
        if (beta == 0f) {
            Arrays.fill(c, from, from + m, 0f);
        } else if (beta != 1f) {
            for (int i = from; i < from + m; i++) {
                c[i] *= beta;
            }
        }
    }
}
