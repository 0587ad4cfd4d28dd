package io.prism.resources.ledger;

import io.prism.ActorId;
import java.util.Objects;

/**
 * Names what an allocation belongs to: one incarnation of one actor. A restarted actor is a new incarnation and
 * gets a new allocation, so a late release from the old incarnation can never free the new one's share.
 *
 * @param actor       the actor
 * @param incarnation 0 for the first start, then one more per restart
 */
public record AllocationKey(ActorId actor, int incarnation) {
    public AllocationKey {
        Objects.requireNonNull(actor, "actor");
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation " + incarnation + " of " + actor + " must be ≥ 0");
        }
    }

    @Override
    public String toString() {
        return actor + "#" + incarnation;
    }
}
