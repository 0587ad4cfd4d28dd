// Column-major sgemm with BLAS semantics, for GPUs where JCuda's cuBLAS binding cannot load (it links
// libcublas.so.12; a machine with only CUDA 13 has none). CudaGpuContext launches it through PtxSgemm.
//
//   C = alpha * op(A) * op(B) + beta * C,  op(A) is m x k, op(B) is k x n, C is m x n
//
// One thread per element of C: threadIdx.x/blockIdx.x walk the rows (contiguous in column-major C, so a warp's
// reads of A (not transposed) and writes of C are coalesced), threadIdx.y/blockIdx.y the columns. The grid's y
// dimension is capped at 65535 blocks, so each thread strides over the columns. The scorer's matrices are small:
// this kernel is written to be plainly right, not fast.
//
// The test PtxSgemmKernelTest holds a line-for-line Java transcription of the body below and compares it with the
// simulated GPU's sgemm; change both together.
//
// After editing, run build-ptx.sh and commit the PTX it writes.

extern "C" __global__ void prism_sgemm(int transA, int transB, int m, int n, int k, float alpha,
                                       const float *a, int lda, const float *b, int ldb,
                                       float beta, float *c, int ldc)
{
    long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= m) {
        return;
    }
    for (long long j = (long long) blockIdx.y * blockDim.y + threadIdx.y; j < n;
         j += (long long) gridDim.y * blockDim.y) {
        float sum = 0.0f;
        // alpha == 0 (or k == 0) reads neither A nor B, as BLAS specifies: NaN there does not reach C.
        if (alpha != 0.0f) {
            for (int p = 0; p < k; p++) {
                float x = transA ? a[p + i * lda] : a[i + (long long) p * lda];
                float y = transB ? b[j + (long long) p * ldb] : b[p + j * ldb];
                sum += x * y;
            }
        }
        long long at = i + j * ldc;
        // beta == 0 does not read C, which may hold NaN then.
        c[at] = beta == 0.0f ? alpha * sum : alpha * sum + beta * c[at];
    }
}
