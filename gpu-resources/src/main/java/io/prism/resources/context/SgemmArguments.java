package io.prism.resources.context;

import io.prism.gpu.DeviceBuffer;

/** The checks cuBLAS makes on sgemm's arguments, plus buffer sizes and ownership, with messages that say why. */
final class SgemmArguments {

    private SgemmArguments() {
    }

    /**
     * Checks the arguments: dimensions and leading dimensions as cuBLAS requires, and buffers of {@code type}, open,
     * from {@code context}, large enough for what they hold.
     *
     * @throws IllegalArgumentException naming the argument, its value and the rule it breaks
     */
    static void check(AbstractGpuContext context, Class<? extends AbstractBuffer> type, boolean transA,
                      boolean transB, int m, int n, int k, DeviceBuffer a, int lda, DeviceBuffer b, int ldb,
                      DeviceBuffer c, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: m, n, k must be ≥ 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        int aRows = transA ? k : m;
        int bRows = transB ? n : k;
        checkLeading("lda", lda, "A", transA, aRows, transA ? "k" : "m");
        checkLeading("ldb", ldb, "B", transB, bRows, transB ? "n" : "k");
        checkLeading("ldc", ldc, "C", false, m, "m");
        checkBuffer(context, type, "C", c, ldc, m, n);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        checkBuffer(context, type, "A", a, lda, aRows, transA ? m : k);
        checkBuffer(context, type, "B", b, ldb, bRows, transB ? k : n);
        if (c == a || c == b) {
            throw new IllegalArgumentException("sgemm: C must not be the same buffer as A or B (C is overwritten "
                + "while they are read)");
        }
    }

    private static void checkLeading(String name, int ld, String matrix, boolean trans, int rows, String rowsName) {
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException("sgemm: " + name + " " + ld + " must be ≥ max(1, " + rowsName + " = "
                + rows + "), the rows of " + matrix + (trans ? " (transposed)" : "") + " as stored");
        }
    }

    private static void checkBuffer(AbstractGpuContext context, Class<? extends AbstractBuffer> type, String matrix,
                                    DeviceBuffer buffer, int ld, int rows, int cols) {
        if (buffer == null) {
            throw new IllegalArgumentException("sgemm: buffer " + matrix + " is null");
        }
        if (!type.isInstance(buffer) || ((AbstractBuffer) buffer).owner() != context) {
            throw new IllegalArgumentException("sgemm: buffer " + matrix + " (" + buffer + ") was not allocated by "
                + "this GpuContext (" + context.where() + ")");
        }
        ((AbstractBuffer) buffer).ensureOpen();
        long needed = rows == 0 || cols == 0 ? 0 : (long) ld * (cols - 1) + rows;
        if (buffer.floats() < needed) {
            throw new IllegalArgumentException("sgemm: " + matrix + " needs " + needed + " floats (" + rows + "×"
                + cols + " with leading dimension " + ld + ") but its buffer holds " + buffer.floats());
        }
    }
}
