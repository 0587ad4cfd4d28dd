package io.prism.worker.cluster.unlisted;

/** A value whose package is not in {@code prism.serialization.allowed-packages}. */
public record Coupon(String code, int percentOff) {
}
