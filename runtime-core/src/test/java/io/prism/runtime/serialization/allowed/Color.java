package io.prism.runtime.serialization.allowed;

/** An enum of an allowed package. */
public enum Color {
    GREEN,
    AMBER,
    RED
}
