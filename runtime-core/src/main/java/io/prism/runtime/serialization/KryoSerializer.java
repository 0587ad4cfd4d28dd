package io.prism.runtime.serialization;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.ByteBufferSerializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

import java.io.NotSerializableException;
import java.nio.ByteBuffer;

/**
 * The Pekko serializer bound to {@code PrismMessage} (see reference.conf): Prism's pooled Kryo, with each message's
 * fixed id as its manifest. Artery writes and reads through the {@link ByteBufferSerializer} side, straight into
 * and out of its frame buffers.
 */
public final class KryoSerializer extends SerializerWithStringManifest implements ByteBufferSerializer {
    /** In Pekko's user range (above 40); never change it, it is in every frame. */
    public static final int IDENTIFIER = 7_700_001;

    private final ExtendedActorSystem system;
    private volatile PrismKryo kryo;

    public KryoSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object message) {
        return WireRegistry.manifest(message.getClass());
    }

    @Override
    public byte[] toBinary(Object message) {
        return kryo().toBytes(message);
    }

    @Override
    public void toBinary(Object message, ByteBuffer buffer) {
        kryo().toBuffer(message, buffer);
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return kryo().fromBytes(bytes, 0, bytes.length, typeOf(manifest));
    }

    @Override
    public Object fromBinary(ByteBuffer buffer, String manifest) throws NotSerializableException {
        return kryo().fromBuffer(buffer, typeOf(manifest));
    }

    private static Class<?> typeOf(String manifest) throws NotSerializableException {
        Class<?> type = WireRegistry.typeOf(manifest);
        if (type == null) {
            throw new NotSerializableException("no Prism message has wire id " + manifest + " on this node: the "
                + "sender runs a newer Prism");
        }
        return type;
    }

    private PrismKryo kryo() {
        PrismKryo k = kryo;
        if (k == null) {
            k = PrismKryo.get(system);
            kryo = k;
        }
        return k;
    }
}
