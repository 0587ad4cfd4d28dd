package io.prism;

import java.time.Duration;
import java.util.Map;

/**
 * Per-actor options gathered by {@link ActorBuilder}. A null field means "not set here": the class's {@link Gpu}
 * annotation or the runtime's configured default applies.
 *
 * @param name             unique name to look the actor up by, or null
 * @param gpu              GPUs (fraction or whole number), or null for the class's {@code @Gpu}
 * @param gpuMemory        GPU memory budget such as "6GiB", or null
 * @param cpus             CPUs reserved for scheduling, or null for 1
 * @param maxRestarts      times the actor is recreated after it dies; -1 for no limit
 * @param maxConcurrency   calls the actor runs at once
 * @param strategy         placement strategy, or null for PACK
 * @param placementTimeout how long creation waits for capacity, or null for the default
 * @param labels           node labels the actor requires, e.g. {@code gpu-model=H100}; empty for any node
 * @param node             the node the actor should run on, or null for any
 * @param nodeSoft         true: prefer {@code node} but run elsewhere when it has no room; false: only there
 * @param isolation        PROCESS or SHARED to override the node's default for a GPU actor; null for the default
 */
public record ActorOptions(String name, Double gpu, String gpuMemory, Double cpus, int maxRestarts,
                           int maxConcurrency, PlacementStrategy strategy, Duration placementTimeout,
                           Map<String, String> labels, String node, boolean nodeSoft, Isolation isolation) {

    public ActorOptions {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Options with the node's default isolation. */
    public ActorOptions(String name, Double gpu, String gpuMemory, Double cpus, int maxRestarts, int maxConcurrency,
                        PlacementStrategy strategy, Duration placementTimeout, Map<String, String> labels,
                        String node, boolean nodeSoft) {
        this(name, gpu, gpuMemory, cpus, maxRestarts, maxConcurrency, strategy, placementTimeout, labels, node,
            nodeSoft, null);
    }

    /** Options without node constraints. */
    public ActorOptions(String name, Double gpu, String gpuMemory, Double cpus, int maxRestarts, int maxConcurrency,
                        PlacementStrategy strategy, Duration placementTimeout) {
        this(name, gpu, gpuMemory, cpus, maxRestarts, maxConcurrency, strategy, placementTimeout, Map.of(), null,
            false, null);
    }

    public static ActorOptions defaults() {
        return new ActorOptions(null, null, null, null, 0, 1, null, null);
    }
}
