package io.prism.resources.context;

import jcuda.driver.CUdeviceptr;

/**
 * sgemm on device memory in the current CUDA context, arguments already checked ({@link SgemmArguments}), m and n
 * above 0, and A and B never null pointers (C's pointer stands in when k == 0: it is not read then).
 */
interface DeviceSgemm {

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, CUdeviceptr a, int lda,
               CUdeviceptr b, int ldb, float beta, CUdeviceptr c, int ldc);

    /** Frees what it holds in the context; the context is current. */
    void destroy();
}
