package io.prism.benchmarks.roundtrip;

import java.util.concurrent.CompletableFuture;

/** One request/reply mechanism under test: a request carrying {@code value} and a reply carrying it back. */
public interface RoundTrip {
    /** The column header: "Prism", "A: tell+id", "B: ask". */
    String name();

    /** Sends one request; the future completes with the echoed value (or fails). Safe from any thread. */
    CompletableFuture<?> call(Long value);
}
