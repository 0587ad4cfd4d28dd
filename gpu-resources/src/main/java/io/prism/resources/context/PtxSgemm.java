package io.prism.resources.context;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import io.prism.exception.PrismException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import jcuda.CudaException;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/**
 * sgemm by Prism's own kernel ({@code src/main/cuda/prism_sgemm.cu}, committed as PTX), for machines where cuBLAS
 * 12 cannot load. The module is loaded into the context when this is made; the driver compiles the PTX for the GPU
 * on the first load (and caches it).
 */
final class PtxSgemm implements DeviceSgemm {
    /** The PTX, next to this class on the class path. */
    static final String RESOURCE = "prism_sgemm.ptx";
    /** The PTX ISA version the resource declares (build-ptx.sh sets it): drivers older than it cannot load it. */
    static final String PTX_ISA = "6.3";
    /** The kernel's {@code .entry} name in the PTX. */
    static final String KERNEL = "prism_sgemm";
    /** Threads per block in each of x (rows of C) and y (columns of C). */
    static final int BLOCK = 16;
    /** The most blocks a grid may have in y; the kernel strides over the columns beyond. */
    static final int MAX_GRID_Y = 65_535;

    private final CUmodule module = new CUmodule();
    private final CUfunction function = new CUfunction();

    /**
     * Loads the kernel into the current context.
     *
     * @param where the context, for messages: "FraudScorer on GPU 0"
     */
    PtxSgemm(String where) {
        try {
            cuModuleLoadData(module, Image.PTX);
        } catch (CudaException e) {
            throw new PrismException(where + ": the CUDA driver could not load Prism's sgemm kernel (" + RESOURCE
                + ", PTX ISA " + PTX_ISA + " for sm_75): " + e.getMessage() + "; it needs a GPU of compute "
                + "capability 7.5 or newer, and cuBLAS 12, which would not need it, was not found", e);
        }
        try {
            cuModuleGetFunction(function, module, KERNEL);
        } catch (CudaException e) {
            cuModuleUnload(module);
            throw e;
        }
    }

    /** A launch's grid, in blocks of {@link #BLOCK} × {@link #BLOCK} threads, for a C of m × n (both above 0). */
    record Grid(int x, int y) {
        static Grid of(int m, int n) {
            return new Grid(blocks(m), Math.min(blocks(n), MAX_GRID_Y));
        }

        private static int blocks(int size) {
            return (int) (((long) size + BLOCK - 1) / BLOCK);
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, CUdeviceptr a, int lda,
                      CUdeviceptr b, int ldb, float beta, CUdeviceptr c, int ldc) {
        Grid grid = Grid.of(m, n);
        // The legacy default stream (null): the synchronous copies that read C wait for the kernel on it.
        cuLaunchKernel(function, grid.x(), grid.y(), 1, BLOCK, BLOCK, 1, 0, null,
            Pointer.to(parameters(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)), null);
    }

    /** The kernel's arguments, in the order and types of prism_sgemm.cu's signature, each a pointer to its value. */
    static NativePointerObject[] parameters(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                            CUdeviceptr a, int lda, CUdeviceptr b, int ldb, float beta,
                                            CUdeviceptr c, int ldc) {
        return new NativePointerObject[] {
            Pointer.to(new int[] {transA ? 1 : 0}), Pointer.to(new int[] {transB ? 1 : 0}),
            Pointer.to(new int[] {m}), Pointer.to(new int[] {n}), Pointer.to(new int[] {k}),
            Pointer.to(new float[] {alpha}),
            Pointer.to(a), Pointer.to(new int[] {lda}),
            Pointer.to(b), Pointer.to(new int[] {ldb}),
            Pointer.to(new float[] {beta}),
            Pointer.to(c), Pointer.to(new int[] {ldc}),
        };
    }

    @Override
    public void destroy() {
        cuModuleUnload(module);
    }

    /** The PTX as the driver takes it: a C string. Read once per JVM. */
    private static final class Image {
        static final byte[] PTX = read();

        private static byte[] read() {
            try (InputStream in = PtxSgemm.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the PTX resource " + RESOURCE + " is missing from the class "
                        + "path next to " + PtxSgemm.class.getName() + ": the gpu-resources jar is incomplete");
                }
                byte[] text = in.readAllBytes();
                return Arrays.copyOf(text, text.length + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the PTX resource " + RESOURCE, e);
            }
        }
    }
}
