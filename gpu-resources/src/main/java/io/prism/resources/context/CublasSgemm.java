package io.prism.resources.context;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasOperation;

/** sgemm by cuBLAS, through a handle of the context's own; only made when {@link SgemmChoice} chose cuBLAS. */
final class CublasSgemm implements DeviceSgemm {
    private final cublasHandle handle = new cublasHandle();

    /** Creates the handle in the current context. */
    CublasSgemm() {
        JCublas2.cublasCreate(handle);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, CUdeviceptr a, int lda,
                      CUdeviceptr b, int ldb, float beta, CUdeviceptr c, int ldc) {
        JCublas2.cublasSgemm(handle, operation(transA), operation(transB), m, n, k, Pointer.to(new float[] {alpha}),
            a, lda, b, ldb, Pointer.to(new float[] {beta}), c, ldc);
    }

    @Override
    public void destroy() {
        JCublas2.cublasDestroy(handle);
    }

    private static int operation(boolean transpose) {
        return transpose ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
    }
}
