package io.prism.runtime.serialization;

import io.prism.exception.PrismException;

/**
 * A value or message that cannot cross JVMs: a class outside the allow-list, an exception or {@code Class} object,
 * a payload over the size limit, or bytes that do not decode. The message names the class or size and the setting
 * to change.
 */
public class WireException extends PrismException {

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
