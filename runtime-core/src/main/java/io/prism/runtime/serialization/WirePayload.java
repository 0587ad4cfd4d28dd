package io.prism.runtime.serialization;

/**
 * User values (a call's arguments or its result) already encoded by {@link PrismKryo#encode(Object)}, on the
 * caller's thread, so that a refused class or an oversized value fails the caller there instead of being dropped by
 * the transport. A message carries it as opaque bytes; {@link PrismKryo#decode(WirePayload)} turns it back into
 * values on the receiving side, with the same allow-list.
 */
public final class WirePayload {
    private final byte[] bytes;
    private final int size;

    WirePayload(byte[] bytes) {
        this(bytes, bytes.length);
    }

    /** The first {@code size} bytes of {@code bytes}: a large encoding keeps its buffer instead of a copy of it. */
    WirePayload(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    /** The encoded size in bytes. */
    public int size() {
        return size;
    }

    /** The array that holds the encoding in its first {@link #size()} bytes. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "WirePayload(" + size + " bytes)";
    }
}
