package io.prism.resources.context;

import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.MemorySize;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Bounds checks and close-once for both kinds of buffer. */
abstract class AbstractBuffer implements DeviceBuffer {
    private final AbstractGpuContext owner;
    private final long bytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    AbstractBuffer(AbstractGpuContext owner, long bytes) {
        this.owner = owner;
        this.bytes = bytes;
    }

    /** Frees the memory itself; called once. */
    abstract void free();

    abstract void copyIn(long offset, float[] src, int srcOffset, int length);

    abstract void copyOut(long offset, float[] dst, int dstOffset, int length);

    @Override
    public final long sizeBytes() {
        return bytes;
    }

    @Override
    public final void write(long offset, float[] src, int srcOffset, int length) {
        Objects.requireNonNull(src, "src");
        checkRange("write", offset, length, src.length, srcOffset, "src");
        if (length > 0) {
            copyIn(offset, src, srcOffset, length);
        }
    }

    @Override
    public final void read(long offset, float[] dst, int dstOffset, int length) {
        Objects.requireNonNull(dst, "dst");
        checkRange("read", offset, length, dst.length, dstOffset, "dst");
        if (length > 0) {
            copyOut(offset, dst, dstOffset, length);
        }
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                free();
            } finally {
                owner.forget(this);
            }
        }
    }

    final boolean isClosed() {
        return closed.get();
    }

    final AbstractGpuContext owner() {
        return owner;
    }

    final void ensureOpen() {
        if (closed.get()) {
            throw closedError();
        }
    }

    final IllegalStateException closedError() {
        return new IllegalStateException(owner.where() + ": this " + MemorySize.format(bytes) + " buffer is "
            + "closed; allocate a new one with GpuContext.allocate");
    }

    private void checkRange(String op, long offset, int length, int arrayLength, int arrayOffset, String array) {
        ensureOpen();
        if (offset < 0 || length < 0 || arrayOffset < 0) {
            throw new IndexOutOfBoundsException(owner.where() + ": " + op + " of " + length + " floats at offset "
                + offset + " (" + array + " offset " + arrayOffset + "): offsets and length must be ≥ 0");
        }
        if (offset > floats() - length) {
            throw new IndexOutOfBoundsException(owner.where() + ": " + op + " of " + length + " floats at offset "
                + offset + " runs past the end of a " + floats() + "-float buffer");
        }
        if (arrayOffset > arrayLength - length) {
            throw new IndexOutOfBoundsException(owner.where() + ": " + op + " of " + length + " floats from "
                + array + "[" + arrayOffset + "] runs past the end of " + array + " (length " + arrayLength + ")");
        }
    }

    @Override
    public String toString() {
        return MemorySize.format(bytes) + " buffer of " + owner.where() + (closed.get() ? " (closed)" : "");
    }
}
