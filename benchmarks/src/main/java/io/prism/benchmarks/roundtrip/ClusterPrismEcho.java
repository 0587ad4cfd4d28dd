package io.prism.benchmarks.roundtrip;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * This JVM as a driver of a Prism cluster in another JVM ({@code Prism.connect}): it hosts nothing, so the
 * {@link Echo} actor lands on the child and every call crosses the wire.
 */
final class ClusterPrismEcho implements RoundTrip, AutoCloseable {
    static final String ALLOWED_PACKAGES = "prism.serialization.allowed-packages";
    static final String PACKAGES = "io.prism.benchmarks,io.prism.examples";

    private final Prism prism;
    private final ActorHandle<Echo> echo;

    ClusterPrismEcho(String address) {
        prism = Prism.connect(address, PrismConfig.builder().set(ALLOWED_PACKAGES, PACKAGES).build());
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

    /** Actors created per second, how many creates failed, and the CPU time both JVMs used per create. */
    record Churn(int actors, double createsPerSecond, long failures, double cpuMicrosPerCreate) {
    }

    /** Creates {@code n} {@link Idle} actors with at most {@code inFlight} creates outstanding, then kills them
     * (not timed: {@code kill} only sends the request). */
    Churn churn(int n, int inFlight, LongSupplier cpuNanos) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<ActorHandle<Idle>> created = new ArrayList<>(n);
        LongAdder failures = new LongAdder();
        long start = System.nanoTime();
        long cpu0 = cpuNanos.getAsLong();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            prism.actor(Idle::new).createAsync().whenComplete((handle, error) -> {
                if (error == null) {
                    synchronized (created) {
                        created.add(handle);
                    }
                } else {
                    failures.increment();
                }
                permits.release();
            });
        }
        if (!permits.tryAcquire(inFlight, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((inFlight - permits.availablePermits()) + " of " + n
                + " creates still outstanding 120 s after the last was sent");
        }
        long elapsed = System.nanoTime() - start;
        long cpu = cpuNanos.getAsLong() - cpu0;
        synchronized (created) {
            created.forEach(ActorHandle::kill);
        }
        return new Churn(n, n * 1e9 / elapsed, failures.sum(), cpu / 1e3 / n);
    }

    @Override
    public void close() {
        prism.close();
    }
}
