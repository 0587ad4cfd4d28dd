package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.exception.GpuMemoryBudgetExceededException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void refusesAReservationPastTheLimitSayingWhoWhereAndHowMuch() {
        MemoryBudget budget = new MemoryBudget("FraudScorer", 0, 4 * GIB);
        budget.reserve(3 * GIB + GIB / 2);

        assertThatThrownBy(() -> budget.reserve(2 * GIB))
            .isInstanceOf(GpuMemoryBudgetExceededException.class)
            .hasMessage("FraudScorer on GPU 0: allocating 2 GiB would exceed its 4 GiB budget "
                + "(3.5 GiB in use, 512 MiB free)");
        assertThat(budget.used()).isEqualTo(3 * GIB + GIB / 2);
    }

    @Test
    void reservesExactlyUpToTheLimitAndNotOneByteMore() {
        MemoryBudget budget = new MemoryBudget("FraudScorer", 1, 1000);
        budget.reserve(600);
        budget.reserve(400);

        assertThat(budget.free()).isZero();
        assertThatThrownBy(() -> budget.reserve(1)).isInstanceOf(GpuMemoryBudgetExceededException.class)
            .hasMessageContaining("GPU 1");

        budget.release(400);

        assertThat(budget.used()).isEqualTo(600);
        assertThat(budget.peak()).isEqualTo(1000);
    }

    @Test
    void releasingMoreThanWasReservedIsAnError() {
        MemoryBudget budget = new MemoryBudget("FraudScorer", 0, 1000);
        budget.reserve(100);

        assertThatThrownBy(() -> budget.release(200))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("released 200 B but only 100 B was reserved");
        assertThat(budget.used()).isEqualTo(100);
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new MemoryBudget("FraudScorer", 0, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("memory budget 0 bytes must be > 0");
    }

    @Test
    void concurrentReservationsNeverExceedTheLimitAndAllReturn() throws Exception {
        long limit = 10_000;
        MemoryBudget budget = new MemoryBudget("FraudScorer", 0, limit);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> refusals = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                long seed = t;
                refusals.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    start.await();
                    ArrayDeque<Long> held = new ArrayDeque<>();
                    int refused = 0;
                    for (int i = 0; i < 20_000; i++) {
                        long bytes = 1 + random.nextLong(limit / 4);
                        try {
                            budget.reserve(bytes);
                            held.add(bytes);
                        } catch (GpuMemoryBudgetExceededException e) {
                            refused++;
                        }
                        if (held.size() > 2 || (!held.isEmpty() && random.nextInt(4) == 0)) {
                            budget.release(held.poll());
                        }
                    }
                    held.forEach(budget::release);
                    return refused;
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<Integer> f : refusals) {
                refused += f.get();
            }

            assertThat(budget.used()).isZero();
            assertThat(budget.peak()).isLessThanOrEqualTo(limit).isGreaterThan(limit / 2);
            assertThat(refused).as("some reservations met a full budget").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
