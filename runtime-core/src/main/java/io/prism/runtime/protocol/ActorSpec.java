package io.prism.runtime.protocol;

import io.prism.ActorId;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.runtime.placement.ResourceShape;

import java.time.Duration;
import java.util.Map;

/**
 * Everything needed to construct an actor, on any node, any number of times (restarts).
 *
 * @param localClass the actor class where the spec was made; null once the spec has crossed JVMs, where the node
 *                   loads {@code className} instead. It lets classes that only a local class loader knows (jshell
 *                   snippets) be actors in an embedded Prism.
 * @param labels     node labels the actor requires (empty: any node)
 * @param node       the node id the actor is bound to or prefers, or null
 * @param nodeSoft   whether {@code node} is only a preference
 * @param isolation  PROCESS or SHARED chosen for this actor; null for its node's default
 */
public record ActorSpec(ActorId id, String name, String className, CtorRef constructor, Object[] args,
                        ResourceShape shape, PlacementStrategy strategy, int maxRestarts, int maxConcurrency,
                        Duration placementTimeout, Class<?> localClass, Map<String, String> labels, String node,
                        boolean nodeSoft, Isolation isolation) implements PrismMessage {

    public ActorSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A spec that takes its node's default isolation. */
    public ActorSpec(ActorId id, String name, String className, CtorRef constructor, Object[] args,
                     ResourceShape shape, PlacementStrategy strategy, int maxRestarts, int maxConcurrency,
                     Duration placementTimeout, Class<?> localClass, Map<String, String> labels, String node,
                     boolean nodeSoft) {
        this(id, name, className, constructor, args, shape, strategy, maxRestarts, maxConcurrency,
            placementTimeout, localClass, labels, node, nodeSoft, null);
    }

    /** A spec with no node constraints. */
    public ActorSpec(ActorId id, String name, String className, CtorRef constructor, Object[] args,
                     ResourceShape shape, PlacementStrategy strategy, int maxRestarts, int maxConcurrency,
                     Duration placementTimeout, Class<?> localClass) {
        this(id, name, className, constructor, args, shape, strategy, maxRestarts, maxConcurrency,
            placementTimeout, localClass, Map.of(), null, false);
    }

    /** "FraudScorer 'fraud-1' (3f2a...)" or "FraudScorer (3f2a...)", for messages. */
    public String describe() {
        return describe(className, name, id);
    }

    /** How every message names an actor: simple class name, the name if it has one, and the id. */
    public static String describe(String className, String name, ActorId id) {
        String simple = simpleName(className);
        return name == null ? simple + " (" + id + ")" : simple + " '" + name + "' (" + id + ")";
    }

    /** "FraudScorer" for "io.prism.examples.fraud.FraudScorer". */
    public static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** True when restart number {@code restartsDone + 1} is allowed. */
    public boolean mayRestart(int restartsDone) {
        return maxRestarts < 0 || restartsDone < maxRestarts;
    }
}
