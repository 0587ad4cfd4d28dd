package io.prism.runtime.placement;

import java.util.Objects;

/** Identifies one node of the cluster (its member address, or a name in simulations). */
public record NodeId(String value) {
    public NodeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("NodeId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
