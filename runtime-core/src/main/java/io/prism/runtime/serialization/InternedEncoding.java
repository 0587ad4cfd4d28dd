package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Values that nearly every message repeats (the method called, the caller's reply actor, the host), written as a
 * length and bytes, with both directions remembered: the writer keeps each value's bytes by identity, and the
 * reader maps the bytes it meets back to the one value it made from them, without decoding strings or allocating.
 * Both tables are direct-mapped and small: a value that loses its slot is encoded or decoded again, nothing more.
 *
 * <p>Entries are immutable and published through final fields, so racing threads may miss each other's entries
 * but never see half of one. A length of 0 stands for null.
 */
final class InternedEncoding<V> {
    private static final int SLOTS = 1024;
    private static final int MASK = SLOTS - 1;

    private record Written(Object value, byte[] bytes) {
    }

    private record Read(int hash, byte[] bytes, Object value) {
    }

    private final Function<V, byte[]> encoder;
    private final Function<byte[], V> decoder;
    private final Written[] written = new Written[SLOTS];
    private final Read[] read = new Read[SLOTS];

    /**
     * @param encoder a value's bytes (never empty)
     * @param decoder the value of such bytes; it may keep the array it is given
     */
    InternedEncoding(Function<V, byte[]> encoder, Function<byte[], V> decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    void write(Output output, V value) {
        if (value == null) {
            output.writeVarInt(0, true);
            return;
        }
        int slot = System.identityHashCode(value) & MASK;
        Written w = written[slot];
        byte[] bytes;
        if (w != null && w.value() == value) {
            bytes = w.bytes();
        } else {
            bytes = encoder.apply(value);
            written[slot] = new Written(value, bytes);
        }
        output.writeVarInt(bytes.length, true);
        output.writeBytes(bytes);
    }

    @SuppressWarnings("unchecked")
    V read(Input input) {
        int length = input.readVarInt(true);
        if (length == 0) {
            return null;
        }
        byte[] buffer = input.getBuffer();
        int from = input.position();
        if (buffer == null || input.limit() - from < length) {
            // a streaming input: the bytes are not all in its buffer yet
            return decoder.apply(input.readBytes(length));
        }
        int hash = 1;
        for (int i = from, end = from + length; i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ (hash >>> 16)) & MASK;
        Read r = read[slot];
        input.setPosition(from + length);
        if (r != null && r.hash() == hash
            && Arrays.equals(r.bytes(), 0, r.bytes().length, buffer, from, from + length)) {
            return (V) r.value();
        }
        byte[] bytes = Arrays.copyOfRange(buffer, from, from + length);
        V value = decoder.apply(bytes);
        read[slot] = new Read(hash, bytes, value);
        return value;
    }
}
