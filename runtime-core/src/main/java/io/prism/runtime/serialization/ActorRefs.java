package io.prism.runtime.serialization;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Typed ActorRefs to and from their full path with address and uid, for one actor system. Nearly every call names
 * the same few refs (a JVM's reply actor, a handful of hosts), and formatting or parsing a path costs more than the
 * rest of an {@code Invoke}, so both directions are cached: a path with its uid names one actor incarnation for good.
 */
final class ActorRefs {
    private static final int CACHED = 10_000;

    private final ExtendedActorSystem system;
    private final Cache<ActorRef<?>, String> paths = Caffeine.newBuilder().weakKeys().maximumSize(CACHED).build();
    private final Cache<String, ActorRef<?>> refs = Caffeine.newBuilder().maximumSize(CACHED).build();
    private volatile ActorRefResolver resolver;

    ActorRefs(ExtendedActorSystem system) {
        this.system = system;
    }

    String format(ActorRef<?> ref) {
        return paths.get(ref, r -> resolver().toSerializationFormat(r));
    }

    ActorRef<?> resolve(String path) {
        return refs.get(path, p -> resolver().resolveActorRef(p));
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
