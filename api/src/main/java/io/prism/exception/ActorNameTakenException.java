package io.prism.exception;

/** Another live actor already holds the requested name. */
public class ActorNameTakenException extends ActorCreationException {
    public ActorNameTakenException(String message) {
        super(message);
    }
}
