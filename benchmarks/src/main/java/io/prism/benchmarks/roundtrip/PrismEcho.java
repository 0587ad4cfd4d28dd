package io.prism.benchmarks.roundtrip;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;

import java.util.concurrent.CompletableFuture;

/** An embedded Prism with one {@link Echo} actor, called through {@code handle.call(Echo::echo, value)}. */
public final class PrismEcho implements RoundTrip, AutoCloseable {
    private final Prism prism;
    private final ActorHandle<Echo> echo;

    public PrismEcho() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").build());
        echo = prism.actor(Echo::new).create();
    }

    @Override
    public String name() {
        return "Prism";
    }

    @Override
    public CompletableFuture<?> call(Long value) {
        return echo.call(Echo::echo, value);
    }

    @Override
    public void close() {
        prism.close();
    }
}
