package io.prism.runtime.serialization.allowed;

/** An exception in an allowed package: still never a value on the wire. */
public class Declined extends RuntimeException {
    public Declined(String message) {
        super(message);
    }
}
