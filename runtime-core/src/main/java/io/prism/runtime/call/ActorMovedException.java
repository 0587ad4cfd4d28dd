package io.prism.runtime.call;

import io.prism.exception.ActorDiedException;

/**
 * A call reached a host that no longer runs the actor because its node is leaving; the call was not run. Handles
 * resend such calls to the actor's new location; a user sees this only when the actor keeps moving.
 */
public final class ActorMovedException extends ActorDiedException {
    public ActorMovedException(String message) {
        super(message);
    }
}
