package io.prism.resources.context;

/** A simulated GPU's buffer: a float array in host memory. */
final class HostBuffer extends AbstractBuffer {
    private volatile float[] data;

    HostBuffer(AbstractGpuContext owner, long bytes, float[] data) {
        super(owner, bytes);
        this.data = data;
    }

    /** The array, for Java BLAS. */
    float[] array() {
        float[] d = data;
        if (d == null) {
            throw closedError();
        }
        return d;
    }

    @Override
    void copyIn(long offset, float[] src, int srcOffset, int length) {
        System.arraycopy(src, srcOffset, array(), (int) offset, length);
    }

    @Override
    void copyOut(long offset, float[] dst, int dstOffset, int length) {
        System.arraycopy(array(), (int) offset, dst, dstOffset, length);
    }

    @Override
    void free() {
        data = null;
    }
}
