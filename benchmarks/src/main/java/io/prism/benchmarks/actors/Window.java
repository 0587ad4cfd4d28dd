package io.prism.benchmarks.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/** Starts {@code n} asynchronous creations with at most a window of them outstanding, as a loop with a bound does. */
final class Window {
    private static final long DRAIN_TIMEOUT_SECONDS = 120;

    private Window() {
    }

    /** What a run created, in completion order, how long it took and how many creations failed. */
    record Created<T>(List<T> items, long nanos, long failures) {
        double perSecond() {
            return items.size() * 1e9 / nanos;
        }
    }

    static <T> Created<T> run(int n, int inFlight, IntFunction<CompletableFuture<T>> create)
        throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<T> created = new ArrayList<>(n);
        LongAdder failures = new LongAdder();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            create.apply(i).whenComplete((item, error) -> {
                if (error == null) {
                    synchronized (created) {
                        created.add(item);
                    }
                } else {
                    failures.increment();
                }
                permits.release();
            });
        }
        if (!permits.tryAcquire(inFlight, DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException((inFlight - permits.availablePermits()) + " of " + n + " creations "
                + "still outstanding " + DRAIN_TIMEOUT_SECONDS + " s after the last was started");
        }
        long nanos = System.nanoTime() - start;
        synchronized (created) {
            return new Created<>(List.copyOf(created), nanos, failures.sum());
        }
    }
}
