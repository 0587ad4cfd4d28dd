package io.prism.runtime.placement;

import io.prism.PlacementStrategy;

/** The policy behind each {@link PlacementStrategy}. */
public final class PlacementPolicies {
    private static final PlacementPolicy PACK = new PackPolicy();
    private static final PlacementPolicy SPREAD = new SpreadPolicy();

    private PlacementPolicies() {
    }

    /** The policy for {@code strategy}; null means {@link PlacementStrategy#PACK}, the default. */
    public static PlacementPolicy of(PlacementStrategy strategy) {
        if (strategy == null) {
            return PACK;
        }
        return switch (strategy) {
            case PACK -> PACK;
            case SPREAD -> SPREAD;
        };
    }
}
