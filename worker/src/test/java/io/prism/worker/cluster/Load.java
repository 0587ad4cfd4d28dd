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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * Calls sent without pause from a background thread, a bounded number in flight, round-robin over the given
 * callers. Every call is bounded by {@code hangLimit}: one that has not completed by then fails with a
 * {@link java.util.concurrent.TimeoutException}, which the tests read as a hang. A caller whose calls failed
 * {@link #FAILURES_PER_CALLER} times is left out from then on: calls to a dead actor fail at once, and would only
 * spin the two cores that the cluster needs to recover.
 */
final class Load implements AutoCloseable {
    static final int FAILURES_PER_CALLER = 50;

    private final List<Supplier<CompletableFuture<?>>> callers;
    private final Duration hangLimit;
    private final Semaphore inFlight = new Semaphore(16);
    private final List<CompletableFuture<?>> calls = new ArrayList<>();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicIntegerArray failuresByCaller;
    private final Thread sender;
    private volatile boolean running = true;

    Load(Duration hangLimit, List<Supplier<CompletableFuture<?>>> callers) {
        this.callers = List.copyOf(callers);
        this.hangLimit = hangLimit;
        this.failuresByCaller = new AtomicIntegerArray(callers.size());
        this.sender = new Thread(this::send, "test-load");
        sender.setDaemon(true);
        sender.start();
    }

    private void send() {
        int i = 0;
        try {
            while (running) {
                int caller = nextCaller(i++);
                if (caller < 0) {
                    return;
                }
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                CompletableFuture<?> call = callers.get(caller).get()
                    .orTimeout(hangLimit.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((v, e) -> {
                        inFlight.release();
                        if (e == null) {
                            succeeded.incrementAndGet();
                        } else {
                            failuresByCaller.incrementAndGet(caller);
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

    /** The caller for the {@code i}-th call, skipping those left out; -1 when all are. */
    private int nextCaller(int i) {
        for (int k = 0; k < callers.size(); k++) {
            int caller = (i + k) % callers.size();
            if (failuresByCaller.get(caller) < FAILURES_PER_CALLER) {
                return caller;
            }
        }
        return -1;
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
