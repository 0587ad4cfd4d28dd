package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;

import java.nio.charset.StandardCharsets;

/**
 * Typed ActorRefs on the wire as their full path with address and uid, for one actor system. Nearly every call
 * names the same few refs (a JVM's reply actor, a handful of hosts), and formatting or parsing a path costs more
 * than the rest of an {@code Invoke}, so both directions are remembered ({@link InternedEncoding}): a path with
 * its uid names one actor incarnation for good.
 */
final class ActorRefs {
    private final ExtendedActorSystem system;
    private final InternedEncoding<ActorRef<?>> paths = new InternedEncoding<>(
        ref -> resolver().toSerializationFormat(ref).getBytes(StandardCharsets.UTF_8),
        bytes -> resolver().resolveActorRef(new String(bytes, StandardCharsets.UTF_8)));
    private volatile ActorRefResolver resolver;

    ActorRefs(ExtendedActorSystem system) {
        this.system = system;
    }

    void write(Output output, ActorRef<?> ref) {
        paths.write(output, ref);
    }

    /** The ref written by {@link #write}, or null. */
    ActorRef<?> read(Input input) {
        return paths.read(input);
    }

    /** Made on first use: the typed view of the system may not exist yet while serializers are being made. */
    private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) {
            r = ActorRefResolver.get(Adapter.toTyped(system));
            resolver = r;
        }
        return r;
    }
}
