package io.prism.runtime.call;

import io.prism.ActorId;
import io.prism.runtime.protocol.ActorMoved;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import io.prism.runtime.serialization.WireException;
import io.prism.runtime.serialization.WirePayload;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one long-lived reply actor of a JVM: every call and control request names it as {@code replyTo}, and it
 * completes the caller's future by correlation id. Futures complete on its thread, so a callback that blocks on
 * another call stalls this JVM's replies until that call times out; timeouts are swept by a thread of their own
 * ({@link CallRegistry#startSweeping}) so such a stall always ends. It also watches the hosts this JVM calls, so that calls in flight
 * to a host that stops fail at once instead of at their timeout.
 */
public final class Replies {

    /** Asks the reply actor to watch a host this JVM is about to call. */
    public record Watch(ActorRef<?> host, String actor) implements PrismMessage {
    }

    private record HostTerminated(ActorRef<?> host, String actor) implements PrismMessage {
    }

    private Replies() {
    }

    /**
     * @param onHostDied told of every watched host that stopped, after its calls were failed (the location cache
     *                   drops its entry)
     */
    public static Behavior<PrismMessage> create(CallRegistry registry, Consumer<ActorRef<?>> onHostDied,
                                                Consumer<ActorId> onMoved, PrismKryo wire) {
        return Behaviors.setup(ctx -> {
            Set<ActorRef<?>> watched = new HashSet<>();
            return Behaviors.receive(PrismMessage.class)
                .onMessage(Reply.Ok.class, ok -> {
                    if (ok.value() instanceof WirePayload payload) {
                        try {
                            registry.complete(ok.id(), wire.decode(payload));
                        } catch (WireException e) {
                            registry.fail(ok.id(), e);
                        }
                    } else {
                        registry.complete(ok.id(), ok.value());
                    }
                    return Behaviors.same();
                })
                .onMessage(Reply.Failed.class, f -> {
                    registry.fail(f.id(), f.error());
                    return Behaviors.same();
                })
                .onMessage(ActorMoved.class, m -> {
                    onMoved.accept(m.id());
                    return Behaviors.same();
                })
                .onMessage(Watch.class, w -> {
                    if (watched.add(w.host())) {
                        ctx.watchWith(w.host(), new HostTerminated(w.host(), w.actor()));
                    }
                    return Behaviors.same();
                })
                .onMessage(HostTerminated.class, t -> {
                    watched.remove(t.host());
                    onHostDied.accept(t.host());
                    registry.targetDied(t.host(), t.actor() + " stopped");
                    return Behaviors.same();
                })
                .build();
        });
    }

    /** The reply actor as a subscriber of the moved-actor topic. */
    @SuppressWarnings("unchecked")
    public static ActorRef<ActorMoved> movedTo(ActorRef<PrismMessage> replies) {
        return (ActorRef<ActorMoved>) (ActorRef<?>) replies;
    }

    /** The reference callers put in their requests. */
    @SuppressWarnings("unchecked")
    public static ActorRef<Reply> replyTo(ActorRef<PrismMessage> replies) {
        return (ActorRef<Reply>) (ActorRef<?>) replies;
    }
}
