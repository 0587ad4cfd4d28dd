package io.prism.runtime.placement;

import java.util.Optional;

/**
 * Chooses a node and GPUs for one request from the cluster as it is now. A policy only reads the view; the
 * {@link Scheduler} reserves what it returns.
 *
 * <p>A policy must be complete: when the request fits on some GPU of some node that its constraints allow, it
 * returns a decision. The scheduler relies on that to never leave a fitting request pending.
 */
public interface PlacementPolicy {
    /** A placement that fits now, or empty when nothing the request may use has room for it. */
    Optional<PlacementDecision> place(ResourceRequest request, ClusterView view);
}
