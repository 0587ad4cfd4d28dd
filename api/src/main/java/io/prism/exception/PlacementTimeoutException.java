package io.prism.exception;

/** No capacity freed up for an actor within its placement timeout. */
public class PlacementTimeoutException extends PrismException {
    public PlacementTimeoutException(String message) {
        super(message);
    }
}
