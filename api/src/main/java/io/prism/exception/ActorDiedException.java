package io.prism.exception;

/** The actor is dead (killed, or died with no restarts left), or died while the call was in flight. */
public class ActorDiedException extends PrismException {
    public ActorDiedException(String message) {
        super(message);
    }
}
