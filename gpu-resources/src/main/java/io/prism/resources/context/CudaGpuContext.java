package io.prism.resources.context;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import io.prism.exception.PrismException;
import io.prism.gpu.Blas;
import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * An actor's share of a real GPU: buffers in device memory (cuMemAlloc) and sgemm by cuBLAS, or by Prism's PTX
 * kernel where cuBLAS 12 cannot load ({@link SgemmChoice}). It uses the device's primary context, the one the CUDA
 * runtime and cuBLAS use too, and makes it current on whichever thread calls, because an actor's calls may run on
 * any thread of its dispatcher. {@link GpuContexts} loads it, and with it JCuda, only for a real device. Where the
 * device was prepared ahead ({@link PreparedDevices}), the first context takes over the prepared sgemm.
 */
final class CudaGpuContext extends AbstractGpuContext {
    private final CUdevice cuDevice = new CUdevice();
    private final CUcontext cuContext = new CUcontext();
    private final DeviceSgemm gemm;
    private final Blas blas = this::sgemm;

    CudaGpuContext(GpuDevice device, double fraction, long memoryBudgetBytes, String actorName) {
        super(device, fraction, memoryBudgetBytes, actorName);
        // A preparation in flight or failed speaks first: where JCuda's natives did not load, JCudaDriver would say
        // only "could not initialize class". One that succeeded has done the driver's and the context's set-up.
        PreparedDevices.awaitReady(device.index(), where());
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
        cuDeviceGet(cuDevice, device.index());
        cuDevicePrimaryCtxRetain(cuContext, cuDevice);
        DeviceSgemm prepared = null;
        try {
            cuCtxSetCurrent(cuContext);
            // taken only now that this holds the primary context the sgemm was made in
            prepared = PreparedDevices.adopt(device.index());
            gemm = prepared != null ? prepared
                : SgemmChoice.inThisJvm().cublas() ? new CublasSgemm() : new PtxSgemm(where());
        } catch (RuntimeException e) {
            if (prepared != null) {
                prepared.destroy();
            }
            cuDevicePrimaryCtxRelease(cuDevice);
            throw e;
        }
    }

    private void makeCurrent() {
        cuCtxSetCurrent(cuContext);
    }

    @Override
    AbstractBuffer newBuffer(long bytes) {
        makeCurrent();
        CUdeviceptr pointer = new CUdeviceptr();
        try {
            cuMemAlloc(pointer, bytes);
        } catch (CudaException e) {
            throw new PrismException(where() + ": cuMemAlloc of " + MemorySize.format(bytes) + " failed ("
                + e.getMessage() + ") with " + MemorySize.format(memoryFree() + bytes) + " of the actor's budget "
                + "free: the device, or its MPS memory limit, has less free memory than the ledger expects", e);
        }
        return new CudaBuffer(this, bytes, pointer);
    }

    @Override
    void releaseDevice() {
        makeCurrent();
        try {
            gemm.destroy();
        } finally {
            cuDevicePrimaryCtxRelease(cuDevice);
        }
    }

    @Override
    public Blas blas() {
        return blas;
    }

    private void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, DeviceBuffer a, int lda,
                       DeviceBuffer b, int ldb, float beta, DeviceBuffer c, int ldc) {
        ensureOpen();
        SgemmArguments.check(this, CudaBuffer.class, transA, transB, m, n, k, a, lda, b, ldb, c, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        makeCurrent();
        // With k == 0 the checks let A and B be null buffers, but cuBLAS rejects a null pointer and the kernel needs
        // one to pass, so C's pointer stands in: neither reads A or B then.
        CUdeviceptr cm = ((CudaBuffer) c).pointer;
        CUdeviceptr am = k == 0 ? cm : ((CudaBuffer) a).pointer;
        CUdeviceptr bm = k == 0 ? cm : ((CudaBuffer) b).pointer;
        gemm.sgemm(transA, transB, m, n, k, alpha, am, lda, bm, ldb, beta, cm, ldc);
    }

    /**
     * Device memory. Copies are synchronous and on the legacy default stream, as cuBLAS's calls and the kernel's
     * launches are, so a read sees every sgemm issued before it.
     */
    private static final class CudaBuffer extends AbstractBuffer {
        private final CudaGpuContext context;
        private final CUdeviceptr pointer;

        CudaBuffer(CudaGpuContext context, long bytes, CUdeviceptr pointer) {
            super(context, bytes);
            this.context = context;
            this.pointer = pointer;
        }

        @Override
        void copyIn(long offset, float[] src, int srcOffset, int length) {
            context.makeCurrent();
            cuMemcpyHtoD(pointer.withByteOffset(offset * Float.BYTES),
                Pointer.to(src).withByteOffset((long) srcOffset * Float.BYTES), (long) length * Float.BYTES);
        }

        @Override
        void copyOut(long offset, float[] dst, int dstOffset, int length) {
            context.makeCurrent();
            cuMemcpyDtoH(Pointer.to(dst).withByteOffset((long) dstOffset * Float.BYTES),
                pointer.withByteOffset(offset * Float.BYTES), (long) length * Float.BYTES);
        }

        @Override
        void free() {
            context.makeCurrent();
            cuMemFree(pointer);
        }
    }
}
