package io.prism.gpu;

/** Memory on an actor's GPU (host memory on a simulated one), counted against its budget until closed. */
public interface DeviceBuffer extends AutoCloseable {

    long sizeBytes();

    /** Number of floats the buffer holds. */
    default long floats() {
        return sizeBytes() / Float.BYTES;
    }

    /** Copies {@code length} floats from {@code src[srcOffset..]} into the buffer at float index {@code offset}. */
    void write(long offset, float[] src, int srcOffset, int length);

    /** Copies {@code length} floats from the buffer at float index {@code offset} into {@code dst[dstOffset..]}. */
    void read(long offset, float[] dst, int dstOffset, int length);

    /** Frees the memory and returns it to the budget; closing twice is harmless. */
    @Override
    void close();
}
