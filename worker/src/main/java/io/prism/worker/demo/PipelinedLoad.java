package io.prism.worker.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Sends {@code calls} asynchronous calls with at most {@code inFlight} unanswered at any time and times each one
 * from send to reply. The bound is what a real client applies; without it the sender outruns the actors and the
 * "latency" measured is the length of a self-made queue.
 */
public final class PipelinedLoad {
    private final int inFlight;
    private final Duration timeout;

    public PipelinedLoad(int inFlight, Duration timeout) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("calls in flight " + inFlight + ": at least 1 is needed");
        }
        this.inFlight = inFlight;
        this.timeout = timeout;
    }

    /** What one run measured; {@code firstFailure} is null when every call succeeded. */
    public record Result(int calls, long elapsedNanos, Latencies latencies, int failures, Throwable firstFailure) {
        public double callsPerSecond() {
            return calls / (elapsedNanos / 1e9);
        }
    }

    /**
     * Runs {@code call.apply(i)} for i in {@code [0, calls)}.
     *
     * @throws IllegalStateException when the calls are not all answered within the timeout
     */
    public Result run(int calls, IntFunction<CompletableFuture<?>> call) throws InterruptedException {
        if (calls < 1) {
            throw new IllegalArgumentException("calls " + calls + ": at least 1 is needed");
        }
        long[] latencies = new long[calls];
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch answered = new CountDownLatch(calls);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut(calls, answered);
            }
            int index = i;
            long sent = System.nanoTime();
            call.apply(i).whenComplete((reply, error) -> {
                latencies[index] = System.nanoTime() - sent;
                if (error != null) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, error);
                }
                permits.release();
                answered.countDown();
            });
        }
        if (!answered.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw timedOut(calls, answered);
        }
        long elapsed = System.nanoTime() - start;
        return new Result(calls, elapsed, new Latencies(latencies), failures.get(), firstFailure.get());
    }

    private IllegalStateException timedOut(int calls, CountDownLatch answered) {
        return new IllegalStateException((calls - answered.getCount()) + " of " + calls + " calls answered within "
            + (timeout.toMillis() < 10_000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s") + "; the actors stopped replying (run with PRISM_DEBUG=1 and --verbose to see why)");
    }
}
