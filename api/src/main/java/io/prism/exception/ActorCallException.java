package io.prism.exception;

/**
 * A method of an actor threw. {@link #getCause()} is a {@link RemoteException} with the remote class, message and
 * stack trace; the actor itself lives on and keeps taking calls.
 */
public class ActorCallException extends PrismException {
    private final String actor;
    private final String method;

    public ActorCallException(String actor, String method, RemoteException cause) {
        super(method + " on actor " + actor + " threw " + cause.getMessage(), cause);
        this.actor = actor;
        this.method = method;
    }

    /** The remote exception: class, message and stack trace as thrown in the actor. */
    public RemoteException remote() {
        return (RemoteException) getCause();
    }

    public String remoteClassName() {
        return remote().remoteClassName();
    }

    public String actor() {
        return actor;
    }

    public String method() {
        return method;
    }
}
