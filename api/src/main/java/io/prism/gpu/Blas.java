package io.prism.gpu;

/** The BLAS routines Prism's models need, column-major as in cuBLAS. */
public interface Blas {

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C}, where op(A) is m×k, op(B) is k×n and C is m×n, all column-major
     * with leading dimensions lda, ldb, ldc.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, DeviceBuffer a, int lda,
               DeviceBuffer b, int ldb, float beta, DeviceBuffer c, int ldc);
}
