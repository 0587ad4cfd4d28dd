package io.prism.runtime.serialization.allowed;

import java.time.Instant;
import java.util.List;

/** A record argument, as a fraud scorer would take. */
public record Transaction(String id, long cents, Instant at, Color risk, List<String> tags) {
}
