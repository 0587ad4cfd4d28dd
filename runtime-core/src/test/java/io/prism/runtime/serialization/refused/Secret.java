package io.prism.runtime.serialization.refused;

/** A value from a package that is not on the allow-list. */
public record Secret(String value) {
}
