package io.prism.spi;

import io.prism.exception.PrismException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How Prism's blocking methods wait: they throw the failure itself (a PrismException), not a wrapper. */
public final class Futures {
    private Futures() {
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismException("interrupted while waiting for Prism", e);
        } catch (ExecutionException | CompletionException e) {
            throw PrismException.rethrow(e.getCause());
        }
    }
}
