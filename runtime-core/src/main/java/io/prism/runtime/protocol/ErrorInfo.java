package io.prism.runtime.protocol;

/**
 * A failure as it travels to a caller: what kind it is, and for failures of actor code the remote exception's
 * class, message, stack trace and cause chain. Plain data, so it crosses JVMs without Java serialization.
 */
public record ErrorInfo(Kind kind, String className, String message, StackTraceElement[] stackTrace,
                        ErrorInfo cause) implements PrismMessage {

    /** Which exception the caller gets. */
    public enum Kind {
        /** Actor code threw: ActorCallException. */
        CALL_FAILED,
        /** The constructor threw: ActorCreationException. */
        CREATION_FAILED,
        /** The name is held by a live actor: ActorNameTakenException. */
        NAME_TAKEN,
        /** Malformed or never satisfiable request: InvalidResourceRequestException. */
        INVALID_REQUEST,
        /** No capacity within the placement timeout: PlacementTimeoutException. */
        PLACEMENT_TIMEOUT,
        /** The actor is dead or died during the call: ActorDiedException. */
        ACTOR_DIED,
        /** Anything else: PrismException. */
        INTERNAL,
        /** An argument or result cannot cross JVMs (refused class, too large): WireException. Kinds only append. */
        WIRE,
        /** The host no longer runs the actor (its node is leaving); the caller finds the new one and resends. */
        MOVED
    }

    /** A failure described by a message alone. */
    public static ErrorInfo of(Kind kind, String message) {
        return new ErrorInfo(kind, null, message, new StackTraceElement[0], null);
    }

    /** A failure carrying a throwable from actor code, with its cause chain (bounded, in case of cycles). */
    public static ErrorInfo of(Kind kind, Throwable t) {
        return new ErrorInfo(kind, t.getClass().getName(), t.getMessage(), t.getStackTrace(), causeOf(t, 0));
    }

    private static ErrorInfo causeOf(Throwable t, int depth) {
        Throwable c = t.getCause();
        if (c == null || c == t || depth > 8) {
            return null;
        }
        return new ErrorInfo(Kind.CALL_FAILED, c.getClass().getName(), c.getMessage(), c.getStackTrace(),
            causeOf(c, depth + 1));
    }

    /** "java.lang.IllegalStateException: boom", or the message alone when there is no remote class. */
    public String describe() {
        if (className == null) {
            return message;
        }
        return message == null ? className : className + ": " + message;
    }
}
