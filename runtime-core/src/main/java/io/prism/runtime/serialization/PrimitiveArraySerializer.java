package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Primitive arrays (tensors) as one bulk little-endian copy instead of Kryo's element-by-element loop: an 8 MiB
 * {@code float[]} costs a memory copy each way. The length is checked against the bytes present before anything is
 * allocated, so a corrupt length cannot ask for gigabytes.
 */
final class PrimitiveArraySerializer extends Serializer<Object> {

    enum Kind {
        BYTE(1), SHORT(2), CHAR(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

        final int width;

        Kind(int width) {
            this.width = width;
        }
    }

    private final Kind kind;

    PrimitiveArraySerializer(Kind kind) {
        super(true);
        this.kind = kind;
    }

    @Override
    public void write(Kryo kryo, Output output, Object array) {
        if (array == null) {
            output.writeVarInt(0, true);
            return;
        }
        int length = java.lang.reflect.Array.getLength(array);
        output.writeVarInt(length + 1, true);
        long bytes = (long) length * kind.width;
        if (!(output instanceof WireOutput wire)) {
            throw new KryoException("primitive arrays are written through PrismKryo's output only");
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new WireOutput.TooLarge(output.position() + bytes);
        }
        wire.ensure((int) bytes);
        ByteBuffer target = ByteBuffer.wrap(wire.getBuffer(), wire.position(), (int) bytes)
            .order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case BYTE -> target.put((byte[]) array);
            case SHORT -> target.asShortBuffer().put((short[]) array);
            case CHAR -> target.asCharBuffer().put((char[]) array);
            case INT -> target.asIntBuffer().put((int[]) array);
            case LONG -> target.asLongBuffer().put((long[]) array);
            case FLOAT -> target.asFloatBuffer().put((float[]) array);
            case DOUBLE -> target.asDoubleBuffer().put((double[]) array);
        }
        wire.setPosition(wire.position() + (int) bytes);
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int length = input.readVarInt(true) - 1;
        if (length < 0) {
            return null;
        }
        long bytes = (long) length * kind.width;
        if (bytes > input.limit() - input.position()) {
            throw new KryoException("a " + kind.name().toLowerCase() + "[] of " + length + " elements needs " + bytes
                + " bytes but " + (input.limit() - input.position())
                + " are left: the message is truncated or corrupt");
        }
        ByteBuffer source = ByteBuffer.wrap(input.getBuffer(), input.position(), (int) bytes)
            .order(ByteOrder.LITTLE_ENDIAN);
        Object array = switch (kind) {
            case BYTE -> {
                byte[] a = new byte[length];
                source.get(a);
                yield a;
            }
            case SHORT -> {
                short[] a = new short[length];
                source.asShortBuffer().get(a);
                yield a;
            }
            case CHAR -> {
                char[] a = new char[length];
                source.asCharBuffer().get(a);
                yield a;
            }
            case INT -> {
                int[] a = new int[length];
                source.asIntBuffer().get(a);
                yield a;
            }
            case LONG -> {
                long[] a = new long[length];
                source.asLongBuffer().get(a);
                yield a;
            }
            case FLOAT -> {
                float[] a = new float[length];
                source.asFloatBuffer().get(a);
                yield a;
            }
            case DOUBLE -> {
                double[] a = new double[length];
                source.asDoubleBuffer().get(a);
                yield a;
            }
        };
        input.setPosition(input.position() + (int) bytes);
        return array;
    }
}
