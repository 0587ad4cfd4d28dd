package io.prism.runtime.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * One call of an actor method. The reply goes to {@code replyTo} (one long-lived reply actor per caller JVM)
 * carrying {@code callId}; {@code replyTo} is null for {@code tell}, whose result nobody waits for.
 */
public record Invoke(long callId, MethodRef method, Object[] args, ActorRef<Reply> replyTo) implements PrismMessage {
}
