package io.prism;

/** How the resource manager chooses a GPU and node for an actor. */
public enum PlacementStrategy {
    /** Prefer GPUs and nodes already in use, best fit first: frees whole GPUs. The default. */
    PACK,
    /** Most free GPU on the least loaded node: replicas that must not share a fault domain. */
    SPREAD
}
