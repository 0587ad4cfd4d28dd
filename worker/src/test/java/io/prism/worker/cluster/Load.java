package io.prism.worker.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Calls sent without pause from a background thread, a bounded number in flight, round-robin over the given
 * callers. Every call is bounded by {@code hangLimit}: one that has not completed by then fails with a
 * {@link java.util.concurrent.TimeoutException}, which the tests read as a hang.
 */
final class Load implements AutoCloseable {
    private final List<Supplier<CompletableFuture<?>>> callers;
    private final Duration hangLimit;
    private final Semaphore inFlight = new Semaphore(16);
    private final List<CompletableFuture<?>> calls = new ArrayList<>();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    Load(Duration hangLimit, List<Supplier<CompletableFuture<?>>> callers) {
        this.callers = List.copyOf(callers);
        this.hangLimit = hangLimit;
        this.sender = new Thread(this::send, "test-load");
        sender.setDaemon(true);
        sender.start();
    }

    private void send() {
        int i = 0;
        try {
            while (running) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                CompletableFuture<?> call = callers.get(i++ % callers.size()).get()
                    .orTimeout(hangLimit.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((v, e) -> {
                        inFlight.release();
                        if (e == null) {
                            succeeded.incrementAndGet();
                        } else {
                            failures.add(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                        }
                    });
                synchronized (calls) {
                    calls.add(call);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int succeeded() {
        return succeeded.get();
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    int sent() {
        synchronized (calls) {
            return calls.size();
        }
    }

    /** Stops sending and waits for every call sent to complete, which each does within the hang limit. */
    @Override
    public void close() throws Exception {
        running = false;
        sender.join(TimeUnit.SECONDS.toMillis(10));
        CompletableFuture<?>[] all;
        synchronized (calls) {
            all = calls.toArray(CompletableFuture[]::new);
        }
        CompletableFuture.allOf(all).handle((v, e) -> null)
            .get(hangLimit.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }
}
