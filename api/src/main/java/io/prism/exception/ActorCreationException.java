package io.prism.exception;

/** An actor could not be created: its constructor threw (the cause), or its name is taken. */
public class ActorCreationException extends PrismException {
    public ActorCreationException(String message) {
        super(message);
    }

    public ActorCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
