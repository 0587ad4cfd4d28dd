package io.prism.runtime.protocol;

/** What the caller's reply actor receives: the outcome of a call or a control request, by correlation id. */
public sealed interface Reply extends PrismMessage {
    long id();

    /** Success, with the method's return value (null for void). */
    record Ok(long id, Object value) implements Reply {
    }

    /** Failure. */
    record Failed(long id, ErrorInfo error) implements Reply {
    }
}
