package io.prism.runtime.placement.sim;

import io.prism.runtime.placement.ResourceShape;
import java.util.Objects;

/** One thing that happens to the simulated cluster at a simulated time, in nanoseconds from the start. */
public sealed interface SimEvent permits SimEvent.Arrive, SimEvent.Depart {
    long atNanos();

    String actor();

    /** {@code actor} asks to be placed with {@code shape}. */
    record Arrive(long atNanos, String actor, ResourceShape shape) implements SimEvent {
        public Arrive {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** {@code actor} stops: its allocation is released, or it stops waiting if it was never placed. */
    record Depart(long atNanos, String actor) implements SimEvent {
        public Depart {
            Objects.requireNonNull(actor, "actor");
        }
    }
}
