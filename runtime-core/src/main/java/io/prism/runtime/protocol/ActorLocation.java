package io.prism.runtime.protocol;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Where calls for one incarnation of an actor go: its host actor, and what it holds there.
 */
public record ActorLocation(ActorId id, String name, String className, int incarnation,
                            ActorRef<Invoke> host, ActorPlacement placement) implements PrismMessage {
}
