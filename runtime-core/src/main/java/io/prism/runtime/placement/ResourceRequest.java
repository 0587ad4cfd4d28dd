package io.prism.runtime.placement;

import io.prism.PlacementStrategy;
import io.prism.resources.ledger.AllocationKey;
import java.util.Map;
import java.util.Objects;

/**
 * One actor incarnation asking to be placed.
 *
 * @param key          the incarnation the allocation will belong to
 * @param actorClass   the actor's class name, for messages
 * @param actorName    the actor's unique name, or null
 * @param shape        what it needs
 * @param strategy     how to choose among the places it fits; null means {@link PlacementStrategy#PACK}
 * @param labels       labels a node must have (e.g. {@code gpu-model=H100}); empty for any node
 * @param affinity     the node it should run on, or null for any
 * @param affinitySoft true: prefer {@code affinity} but go elsewhere when it has no room; false: only there
 */
public record ResourceRequest(AllocationKey key, String actorClass, String actorName, ResourceShape shape,
                              PlacementStrategy strategy, Map<String, String> labels, NodeId affinity,
                              boolean affinitySoft) {
    public ResourceRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(actorClass, "actorClass");
        Objects.requireNonNull(shape, "shape");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A request with no constraints, placed with PACK. */
    public static ResourceRequest of(AllocationKey key, String actorClass, ResourceShape shape) {
        return new ResourceRequest(key, actorClass, null, shape, null, Map.of(), null, false);
    }

    /** The strategy to use, PACK when none was given. */
    public PlacementStrategy strategyOrDefault() {
        return strategy == null ? PlacementStrategy.PACK : strategy;
    }

    /** Whether the request may only run on {@link #affinity()}. */
    public boolean strictAffinity() {
        return affinity != null && !affinitySoft;
    }

    /** How messages name the actor: {@code FraudScorer} or {@code FraudScorer "fraud-1"}. */
    public String who() {
        int dot = Math.max(actorClass.lastIndexOf('.'), actorClass.lastIndexOf('$'));
        String simple = actorClass.substring(dot + 1);
        return actorName == null ? simple : simple + " \"" + actorName + "\"";
    }
}
