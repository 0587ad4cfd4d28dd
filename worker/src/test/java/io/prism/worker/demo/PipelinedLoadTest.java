package io.prism.worker.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelinedLoadTest {
    private final ExecutorService replies = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        replies.shutdownNow();
    }

    @Test
    void neverHasMoreThanTheBoundInFlightAndTimesEveryCall() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();

        PipelinedLoad.Result result = new PipelinedLoad(8, Duration.ofSeconds(30)).run(5_000, i -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return i;
            }, replies);
        });

        assertThat(result.calls()).isEqualTo(5_000);
        assertThat(result.failures()).isZero();
        assertThat(maxInFlight.get()).isBetween(1, 8);
        assertThat(result.latencies().percentile(50)).isPositive();
        assertThat(result.callsPerSecond()).isPositive();
    }

    @Test
    void countsFailedCallsAndKeepsTheFirstError() throws InterruptedException {
        PipelinedLoad.Result result = new PipelinedLoad(4, Duration.ofSeconds(30)).run(100, i ->
            i % 10 == 3 ? CompletableFuture.failedFuture(new IllegalStateException("call " + i))
                : CompletableFuture.completedFuture(i));

        assertThat(result.failures()).isEqualTo(10);
        assertThat(result.firstFailure()).hasMessage("call 3");
    }

    @Test
    void failsWhenRepliesStopComing() {
        PipelinedLoad load = new PipelinedLoad(2, Duration.ofMillis(200));

        assertThatThrownBy(() -> load.run(10, i -> i < 2 ? CompletableFuture.completedFuture(i) : new CompletableFuture<>()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("2 of 10 calls answered within 200 ms");
    }
}
