package io.prism.resources.mps;

import io.prism.exception.PrismException;

/** The MPS control daemon could not be started, asked or stopped; the message says what was tried and why. */
public class MpsException extends PrismException {
    public MpsException(String message) {
        super(message);
    }

    public MpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
