package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableSerializer;
import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

import java.time.Duration;
import java.util.function.Supplier;

/** Serializers for the Prism classes that Kryo's record support cannot carry as they are. */
final class ProtocolSerializers {
    private ProtocolSerializers() {
    }

    /**
     * A typed {@link ActorRef} as its full path with address and uid, resolved back by the receiving actor system
     * into a ref that reaches the same actor.
     */
    @SuppressWarnings("rawtypes")
    static final class ActorRefSerializer extends ImmutableSerializer<ActorRef> {
        private final Supplier<ActorRefResolver> resolver;

        /** @param resolver null where there is no actor system (user values only) */
        ActorRefSerializer(Supplier<ActorRefResolver> resolver) {
            this.resolver = resolver;
        }

        @Override
        public void write(Kryo kryo, Output output, ActorRef ref) {
            output.writeString(resolver().toSerializationFormat(ref));
        }

        @Override
        public ActorRef read(Kryo kryo, Input input, Class<? extends ActorRef> type) {
            return resolver().resolveActorRef(input.readString());
        }

        private ActorRefResolver resolver() {
            if (resolver == null) {
                throw new WireException("an ActorRef can only travel through the Kryo of an actor system "
                    + "(PrismKryo.get(system)); this PrismKryo was made without one");
            }
            return resolver.get();
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
        }

        @Override
        public ActorSpec read(Kryo kryo, Input input, Class<? extends ActorSpec> type) {
            return new ActorSpec(kryo.readObjectOrNull(input, ActorId.class), input.readString(), input.readString(),
                kryo.readObjectOrNull(input, CtorRef.class), kryo.readObjectOrNull(input, Object[].class),
                kryo.readObjectOrNull(input, ResourceShape.class), kryo.readObjectOrNull(input, PlacementStrategy.class),
                input.readVarInt(false), input.readVarInt(false), kryo.readObjectOrNull(input, Duration.class), null);
        }
    }

    /** A {@link WirePayload}'s bytes, copied once each way. */
    static final class WirePayloadSerializer extends ImmutableSerializer<WirePayload> {
        @Override
        public void write(Kryo kryo, Output output, WirePayload payload) {
            byte[] bytes = payload.bytes();
            output.writeVarInt(bytes.length, true);
            if (output instanceof WireOutput wire) {
                wire.ensure(bytes.length);
            }
            output.writeBytes(bytes);
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
}
