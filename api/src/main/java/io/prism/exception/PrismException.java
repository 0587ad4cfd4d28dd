package io.prism.exception;

/** Base of every error Prism reports. */
public class PrismException extends RuntimeException {
    public PrismException(String message) {
        super(message);
    }

    public PrismException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What a blocking API method throws for the cause of a failed future: the Prism or other unchecked exception
     * itself, or a PrismException wrapping a checked one.
     */
    public static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new PrismException(String.valueOf(cause), cause);
    }
}
