package io.prism.runtime.protocol;

import io.prism.runtime.serialization.WirePayload;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One call of an actor method. The reply goes to {@code replyTo} (one long-lived reply actor per caller JVM)
 * carrying {@code callId}; {@code replyTo} is null for {@code tell}, whose result nobody waits for.
 *
 * <p>The arguments travel as {@code args} within a JVM, and as {@code payload} (encoded on the caller's thread, so
 * a value that cannot cross JVMs fails the caller instead of being dropped by the transport) to another JVM.
 * Exactly one of the two is set.
 */
public record Invoke(long callId, MethodRef method, Object[] args, WirePayload payload, ActorRef<Reply> replyTo)
    implements PrismMessage {

    /** A call within one JVM. */
    public Invoke(long callId, MethodRef method, Object[] args, ActorRef<Reply> replyTo) {
        this(callId, method, args, null, replyTo);
    }
}
