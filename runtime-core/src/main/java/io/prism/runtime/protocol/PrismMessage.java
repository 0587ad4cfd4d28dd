package io.prism.runtime.protocol;

/**
 * Marks every message Prism's actors exchange. One serializer is bound to it when messages cross JVMs, so nothing
 * Prism sends ever falls back to Java serialization.
 */
public interface PrismMessage {
}
