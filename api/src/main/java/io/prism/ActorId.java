package io.prism;

import java.util.Objects;
import java.util.UUID;

/** Identifies one actor across its restarts. */
public record ActorId(String value) {
    public ActorId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ActorId must not be blank");
        }
    }

    /** A new random id. */
    public static ActorId random() {
        return new ActorId(UUID.randomUUID().toString().substring(0, 13).replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
