package io.prism.exception;

/**
 * A resource request that is malformed ({@code @Gpu(1.5)}, {@code memory = "6 gigs"}) or that no node of the
 * cluster could ever satisfy. The message names the class, the value and what would be right.
 */
public class InvalidResourceRequestException extends PrismException {
    public InvalidResourceRequestException(String message) {
        super(message);
    }
}
