package io.prism.benchmarks.roundtrip;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The two ways a {@link RoundTrip} is driven: one call at a time, and a fixed number of calls in flight. */
final class Measure {
    /** The same boxed value every call, so that no mechanism pays for boxing and none is spared it. */
    private static final Long VALUE = 42L;
    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    private Measure() {
    }

    /** One figure set of a phase: how many calls completed in how long, their latencies, and failures. */
    record Result(long calls, long nanos, Histogram latencies, long failures) {
        double perSecond() {
            return nanos == 0 ? 0 : calls * 1e9 / nanos;
        }
    }

    /** One caller thread, each call awaited ({@code join}) before the next is sent. */
    static Result sync(RoundTrip target, long durationNanos) {
        Histogram latencies = new Histogram();
        long calls = 0;
        long failures = 0;
        long start = System.nanoTime();
        long end = start + durationNanos;
        long now = start;
        while (now - end < 0) {
            long sent = now;
            try {
                target.call(VALUE).join();
            } catch (CompletionException e) {
                failures++;
            }
            now = System.nanoTime();
            latencies.record(now - sent);
            calls++;
        }
        return new Result(calls, now - start, latencies, failures);
    }

    /**
     * {@code window} calls always in flight: each completion sends the next call from the thread that completed
     * it, so the figure is the mechanism's own limit, not that of a caller thread woken per reply. Counting starts
     * once the window is full and a tenth of the phase has passed; the calls in flight at the end are drained
     * before the next phase starts.
     */
    static Result pipelined(RoundTrip target, int window, long durationNanos) throws InterruptedException {
        Chains chains = new Chains(target, window);
        for (int i = 0; i < window; i++) {
            chains.send();
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(durationNanos / 10, TimeUnit.MILLISECONDS.toNanos(300)));
        chains.measuring = true;
        long c0 = chains.completed.sum();
        long t0 = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(durationNanos);
        long c1 = chains.completed.sum();
        long t1 = System.nanoTime();
        chains.measuring = false;
        chains.stopped = true;
        try {
            chains.drained.get(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(target.name() + ": " + chains.running.get() + " of " + window
                + " calls still in flight " + DRAIN_TIMEOUT_SECONDS + " s after the phase ended", e);
        }
        return new Result(c1 - c0, t1 - t0, chains.latencies, chains.failures.sum());
    }

    /** {@code window} chains of calls; a chain ends when the phase stops or one of its calls fails. */
    private static final class Chains {
        final RoundTrip target;
        final Histogram latencies = new Histogram();
        final LongAdder completed = new LongAdder();
        final LongAdder failures = new LongAdder();
        final AtomicInteger running;
        final CompletableFuture<Void> drained = new CompletableFuture<>();
        volatile boolean measuring;
        volatile boolean stopped;

        Chains(RoundTrip target, int window) {
            this.target = target;
            this.running = new AtomicInteger(window);
        }

        void send() {
            long sent = System.nanoTime();
            target.call(VALUE).whenComplete((value, error) -> {
                if (measuring) {
                    latencies.record(System.nanoTime() - sent);
                }
                completed.increment();
                if (error != null) {
                    failures.increment();
                }
                // a failed call may complete at once, so a chain never resends after one: no unbounded recursion
                if (!stopped && error == null) {
                    send();
                } else if (running.decrementAndGet() == 0) {
                    drained.complete(null);
                }
            });
        }
    }
}
