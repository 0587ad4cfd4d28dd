package io.prism.runtime.call;

import io.prism.exception.ActorCallException;
import io.prism.exception.ActorCreationException;
import io.prism.exception.ActorDiedException;
import io.prism.exception.ActorNameTakenException;
import io.prism.exception.InvalidResourceRequestException;
import io.prism.exception.PlacementTimeoutException;
import io.prism.exception.PrismException;
import io.prism.exception.RemoteException;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.serialization.WireException;

/** Turns an {@link ErrorInfo} that reached a caller into the api exception the user catches. */
public final class Errors {
    private Errors() {
    }

    /**
     * @param actor  the actor, for the message ("FraudScorer 'fraud-1' (ab12...)")
     * @param method the method called, or null for control requests
     */
    public static PrismException toException(ErrorInfo e, String actor, String method) {
        return switch (e.kind()) {
            case CALL_FAILED -> new ActorCallException(actor, method, remote(e));
            case CREATION_FAILED -> e.className() == null
                ? new ActorCreationException(e.message())
                : new ActorCreationException("constructor of " + actor + " threw " + e.describe(), remote(e));
            case NAME_TAKEN -> new ActorNameTakenException(e.message());
            case INVALID_REQUEST -> new InvalidResourceRequestException(e.message());
            case PLACEMENT_TIMEOUT -> new PlacementTimeoutException(e.message());
            case ACTOR_DIED -> new ActorDiedException(e.message());
            case WIRE -> new WireException(e.message());
            case MOVED -> new ActorMovedException(e.message());
            case INTERNAL -> new PrismException(e.message());
        };
    }

    /** The remote exception with its cause chain, as stand-ins that need none of the remote classes. */
    public static RemoteException remote(ErrorInfo e) {
        RemoteException cause = e.cause() == null ? null : remote(e.cause());
        return new RemoteException(e.className() == null ? "unknown" : e.className(), e.message(), e.stackTrace(),
            cause);
    }
}
