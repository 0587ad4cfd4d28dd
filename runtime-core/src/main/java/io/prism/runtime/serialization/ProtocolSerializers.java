package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableSerializer;
import io.prism.ActorId;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.protocol.Reply;
import org.apache.pekko.actor.typed.ActorRef;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializers for the Prism classes that Kryo's record support cannot carry as they are, and for the messages of
 * every call, written field by field instead of through record reflection.
 */
final class ProtocolSerializers {
    private ProtocolSerializers() {
    }

    /**
     * A typed {@link ActorRef} as its full path with address and uid, resolved back by the receiving actor system
     * into a ref that reaches the same actor.
     */
    @SuppressWarnings("rawtypes")
    static final class ActorRefSerializer extends ImmutableSerializer<ActorRef> {
        private final ActorRefs refs;

        /** @param refs null where there is no actor system (user values only) */
        ActorRefSerializer(ActorRefs refs) {
            this.refs = refs;
        }

        @Override
        public void write(Kryo kryo, Output output, ActorRef ref) {
            refs().write(output, ref);
        }

        @Override
        public ActorRef read(Kryo kryo, Input input, Class<? extends ActorRef> type) {
            return refs().read(input);
        }

        /** A ref or null, without a class id: for fields whose type is known to be a ref. */
        void writeOrNull(Output output, ActorRef<?> ref) {
            if (ref == null) {
                output.writeVarInt(0, true);
            } else {
                refs().write(output, ref);
            }
        }

        @SuppressWarnings("unchecked")
        <T> ActorRef<T> readOrNull(Input input) {
            if (refs == null) {
                if (input.readVarInt(true) == 0) {
                    return null;
                }
                refs();
            }
            return (ActorRef<T>) refs.read(input);
        }

        private ActorRefs refs() {
            if (refs == null) {
                throw new WireException("an ActorRef can only travel through the Kryo of an actor system "
                    + "(PrismKryo.get(system)); this PrismKryo was made without one");
            }
            return refs;
        }
    }

    /**
     * The call itself, written field by field: it is the message Prism sends most. One flag byte says which of
     * {@code args} (within a JVM) and {@code payload} (across JVMs) follow, so neither costs a class lookup.
     */
    static final class InvokeSerializer extends ImmutableSerializer<Invoke> {
        private static final int ARGS = 1;
        private static final int PAYLOAD = 2;

        private final ActorRefSerializer refs;
        private final WirePayloadSerializer payloads = new WirePayloadSerializer();

        InvokeSerializer(ActorRefSerializer refs) {
            this.refs = refs;
        }

        @Override
        public void write(Kryo kryo, Output output, Invoke invoke) {
            output.writeVarLong(invoke.callId(), true);
            MethodRefSerializer.METHODS.write(output, invoke.method());
            output.writeByte((invoke.args() == null ? 0 : ARGS) | (invoke.payload() == null ? 0 : PAYLOAD));
            if (invoke.args() != null) {
                kryo.writeObject(output, invoke.args());
            }
            if (invoke.payload() != null) {
                payloads.write(kryo, output, invoke.payload());
            }
            refs.writeOrNull(output, invoke.replyTo());
        }

        @Override
        public Invoke read(Kryo kryo, Input input, Class<? extends Invoke> type) {
            long callId = input.readVarLong(true);
            MethodRef method = MethodRefSerializer.METHODS.read(input);
            int parts = input.readByte();
            Object[] args = (parts & ARGS) == 0 ? null : kryo.readObject(input, Object[].class);
            WirePayload payload = (parts & PAYLOAD) == 0 ? null : payloads.read(kryo, input, WirePayload.class);
            return new Invoke(callId, method, args, payload, refs.readOrNull(input));
        }
    }

    /**
     * A method's name: its three strings, encoded once per {@link MethodRef} instance and read back as the same
     * instance while it keeps its slot, so the host's lookups by method compare identical strings.
     */
    static final class MethodRefSerializer extends ImmutableSerializer<MethodRef> {
        static final InternedEncoding<MethodRef> METHODS = new InternedEncoding<>(MethodRefSerializer::encode,
            MethodRefSerializer::decode);

        @Override
        public void write(Kryo kryo, Output output, MethodRef method) {
            METHODS.write(output, method);
        }

        @Override
        public MethodRef read(Kryo kryo, Input input, Class<? extends MethodRef> type) {
            return METHODS.read(input);
        }

        private static byte[] encode(MethodRef method) {
            Output out = new Output(64, -1);
            out.writeString(method.className());
            out.writeString(method.name());
            out.writeString(method.descriptor());
            return out.toBytes();
        }

        private static MethodRef decode(byte[] bytes) {
            Input in = new Input(bytes);
            return new MethodRef(in.readString(), in.readString(), in.readString());
        }
    }

    /** A successful reply, the other half of every call. */
    static final class ReplyOkSerializer extends ImmutableSerializer<Reply.Ok> {
        @Override
        public void write(Kryo kryo, Output output, Reply.Ok ok) {
            output.writeVarLong(ok.id(), true);
            kryo.writeClassAndObject(output, ok.value());
        }

        @Override
        public Reply.Ok read(Kryo kryo, Input input, Class<? extends Reply.Ok> type) {
            return new Reply.Ok(input.readVarLong(true), kryo.readClassAndObject(input));
        }
    }

    /**
     * Every part of an {@link ActorSpec} except {@code localClass}: a {@code Class} never crosses JVMs, and the
     * receiving node loads {@code className} instead.
     */
    static final class ActorSpecSerializer extends ImmutableSerializer<ActorSpec> {
        @Override
        public void write(Kryo kryo, Output output, ActorSpec spec) {
            kryo.writeObjectOrNull(output, spec.id(), ActorId.class);
            output.writeString(spec.name());
            output.writeString(spec.className());
            kryo.writeObjectOrNull(output, spec.constructor(), CtorRef.class);
            kryo.writeObjectOrNull(output, spec.args(), Object[].class);
            kryo.writeObjectOrNull(output, spec.shape(), ResourceShape.class);
            kryo.writeObjectOrNull(output, spec.strategy(), PlacementStrategy.class);
            output.writeVarInt(spec.maxRestarts(), false);
            output.writeVarInt(spec.maxConcurrency(), false);
            kryo.writeObjectOrNull(output, spec.placementTimeout(), Duration.class);
            kryo.writeClassAndObject(output, new HashMap<>(spec.labels()));
            output.writeString(spec.node());
            output.writeBoolean(spec.nodeSoft());
            kryo.writeObjectOrNull(output, spec.isolation(), Isolation.class);
        }

        @Override
        public ActorSpec read(Kryo kryo, Input input, Class<? extends ActorSpec> type) {
            return new ActorSpec(kryo.readObjectOrNull(input, ActorId.class), input.readString(), input.readString(),
                kryo.readObjectOrNull(input, CtorRef.class), kryo.readObjectOrNull(input, Object[].class),
                kryo.readObjectOrNull(input, ResourceShape.class),
                kryo.readObjectOrNull(input, PlacementStrategy.class),
                input.readVarInt(false), input.readVarInt(false), kryo.readObjectOrNull(input, Duration.class), null,
                labels(kryo.readClassAndObject(input)), input.readString(), input.readBoolean(),
                kryo.readObjectOrNull(input, Isolation.class));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> labels(Object read) {
            return (Map<String, String>) read;
        }
    }

    /** A {@link WirePayload}'s bytes, copied once each way. */
    static final class WirePayloadSerializer extends ImmutableSerializer<WirePayload> {
        @Override
        public void write(Kryo kryo, Output output, WirePayload payload) {
            output.writeVarInt(payload.size(), true);
            if (output instanceof WireOutput wire) {
                wire.ensure(payload.size());
            }
            output.writeBytes(payload.bytes(), 0, payload.size());
        }

        @Override
        public WirePayload read(Kryo kryo, Input input, Class<? extends WirePayload> type) {
            int length = input.readVarInt(true);
            if (length > input.limit() - input.position()) {
                throw new KryoException("a payload of " + length + " bytes but " + (input.limit() - input.position())
                    + " are left: the message is truncated or corrupt");
            }
            return new WirePayload(input.readBytes(length));
        }
    }

    /** For messages that never leave their JVM: writing one is a bug in the sender, said plainly. */
    static final class LocalOnlySerializer extends ImmutableSerializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object message) {
            throw new WireException(message.getClass().getName() + " never leaves its JVM (it carries in-process "
                + "objects): tell it only to an actor of the same node");
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            throw new WireException(type.getName() + " never leaves its JVM, yet it arrived from another node");
        }
    }
}
