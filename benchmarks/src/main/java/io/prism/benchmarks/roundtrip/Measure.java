package io.prism.benchmarks.roundtrip;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The two ways a {@link RoundTrip} is driven: one call at a time, and a fixed number of calls in flight. */
final class Measure {
    /** The same boxed value every call, so that no mechanism pays for boxing and none is spared it. */
    private static final Long VALUE = 42L;
    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    private Measure() {
    }

    /** Where no CPU time is read. */
    static final LongSupplier NO_CPU = () -> 0;

    /**
     * One figure set of a phase: how many calls completed in how long, their latencies, failures, and the CPU time
     * the processes involved used meanwhile.
     */
    record Result(long calls, long nanos, Histogram latencies, long failures, long cpuNanos) {
        double perSecond() {
            return nanos == 0 ? 0 : calls * 1e9 / nanos;
        }

        /** CPU time per call in microseconds, or 0 where none was read. */
        double cpuMicrosPerCall() {
            return calls == 0 ? 0 : cpuNanos / 1e3 / calls;
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
        return new Result(calls, now - start, latencies, failures, 0);
    }

    /**
     * One caller thread keeps {@code window} calls in flight: it sends whenever fewer are outstanding, as a user's
     * loop over {@code handle.call} with a bound on outstanding calls does. Counting starts after a tenth of the
     * phase (at most 300 ms), once the window is full; the calls still in flight at the end are awaited before the
     * next phase starts.
     */
    static Result pipelined(RoundTrip target, int window, long durationNanos) throws InterruptedException {
        return pipelined(target, window, durationNanos, NO_CPU);
    }

    /** The same, reading {@code cpuNanos} (CPU time used so far by the processes involved) as counting starts and
     * ends. */
    static Result pipelined(RoundTrip target, int window, long durationNanos, LongSupplier cpuNanos)
        throws InterruptedException {
        Semaphore permits = new Semaphore(window);
        Histogram latencies = new Histogram();
        LongAdder completed = new LongAdder();
        LongAdder failures = new LongAdder();
        Recording recording = new Recording();
        long now = System.nanoTime();
        long measureFrom = now + Math.min(durationNanos / 10, TimeUnit.MILLISECONDS.toNanos(300));
        long end = Long.MAX_VALUE;
        long c0 = 0;
        long t0 = 0;
        long cpu0 = 0;
        while (true) {
            if (!recording.on && now - measureFrom >= 0) {
                c0 = completed.sum();
                t0 = now;
                cpu0 = cpuNanos.getAsLong();
                end = now + durationNanos;
                recording.on = true;
            } else if (recording.on && now - end >= 0) {
                break;
            }
            permits.acquire();
            long sent = System.nanoTime();
            target.call(VALUE).whenComplete((value, error) -> {
                if (recording.on) {
                    latencies.record(System.nanoTime() - sent);
                }
                if (error != null) {
                    failures.increment();
                }
                completed.increment();
                permits.release();
            });
            now = sent;
        }
        long c1 = completed.sum();
        long t1 = System.nanoTime();
        long cpu1 = cpuNanos.getAsLong();
        recording.on = false;
        if (!permits.tryAcquire(window, DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(target.name() + ": " + (window - permits.availablePermits()) + " of "
                + window + " calls still in flight " + DRAIN_TIMEOUT_SECONDS + " s after the phase ended");
        }
        return new Result(c1 - c0, t1 - t0, latencies, failures.sum(), cpu1 - cpu0);
    }

    /**
     * Brings every mechanism to its compiled speed before anything is measured: first a soak of each at the largest
     * window in 1 s steps, whose rates are printed so a reader sees them level off, then every phase of every
     * mechanism once.
     */
    static void warmUp(List<RoundTrip> targets, Settings settings, PrintStream progress) throws InterruptedException {
        int largest = Arrays.stream(settings.windows()).max().orElseThrow();
        long step = Math.min(TimeUnit.SECONDS.toNanos(1), settings.soakNanos());
        for (RoundTrip t : targets) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "soak: %s at %d in flight, calls/s",
                t.name(), largest));
            for (long soaked = 0; soaked < settings.soakNanos(); soaked += step) {
                line.append(String.format(Locale.ROOT, " %,.0f", pipelined(t, largest, step).perSecond()));
            }
            progress.println(line);
        }
        progress.printf(Locale.ROOT, "warming up: every phase of every mechanism once, %.1f s each%n",
            settings.warmupSeconds());
        for (RoundTrip t : targets) {
            sync(t, settings.warmupNanos());
            for (int w : settings.windows()) {
                pipelined(t, w, settings.warmupNanos());
            }
        }
    }

    /** Whether completions count their latency: only those inside the measured part of a phase do. */
    private static final class Recording {
        volatile boolean on;
    }
}
