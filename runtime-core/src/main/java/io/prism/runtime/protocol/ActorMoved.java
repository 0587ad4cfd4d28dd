package io.prism.runtime.protocol;

import io.prism.ActorId;

/**
 * Published by the resource manager to every JVM when an actor moves to a new incarnation that is not a failure (its
 * node is leaving): callers drop the cached location and find the new one before their next call.
 */
public record ActorMoved(ActorId id) implements PrismMessage {
}
