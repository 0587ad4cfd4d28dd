package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.exception.GpuMemoryBudgetExceededException;
import io.prism.gpu.DeviceBuffer;
import io.prism.gpu.GpuContext;
import io.prism.resources.device.GpuDevice;
import io.prism.spi.CurrentActor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedGpuContextTest {
    private static final long GIB = 1L << 30;
    private static final GpuDevice GPU = GpuDevice.simulated(0, 16 * GIB);

    private static CloseableGpuContext context(long budget) {
        return GpuContexts.forDevice(GPU, 0.25, budget, "FraudScorer");
    }

    @Test
    void describesItsShareOfASimulatedDevice() {
        try (CloseableGpuContext gpu = context(4 * GIB)) {
            assertThat(gpu).isInstanceOf(SimulatedGpuContext.class);
            assertThat(gpu.simulated()).isTrue();
            assertThat(gpu.deviceIndex()).isZero();
            assertThat(gpu.deviceName()).isEqualTo("Simulated GPU");
            assertThat(gpu.fraction()).isEqualTo(0.25);
            assertThat(gpu.memoryBudget()).isEqualTo(4 * GIB);
            assertThat(gpu.blas()).isInstanceOf(JavaBlas.class);
        }
    }

    @Test
    void allocatesUpToTheBudgetAndRefusesOneByteMore() {
        try (CloseableGpuContext gpu = context(4096)) {
            DeviceBuffer first = gpu.allocate(3072);
            gpu.allocate(1024);

            assertThat(gpu.memoryUsed()).isEqualTo(4096);
            assertThat(gpu.memoryFree()).isZero();
            assertThatThrownBy(() -> gpu.allocate(1))
                .isInstanceOf(GpuMemoryBudgetExceededException.class)
                .hasMessage("FraudScorer on GPU 0: allocating 1 B would exceed its 4 KiB budget "
                    + "(4 KiB in use, 0 B free)");

            first.close();

            assertThat(gpu.memoryUsed()).isEqualTo(1024);
            assertThat(gpu.allocate(3072).floats()).isEqualTo(768);
        }
    }

    @Test
    void closingABufferTwiceReturnsItsMemoryOnce() {
        try (CloseableGpuContext gpu = context(4096)) {
            DeviceBuffer a = gpu.allocate(1024);
            gpu.allocate(2048);

            a.close();
            a.close();

            assertThat(gpu.memoryUsed()).isEqualTo(2048);
        }
    }

    @Test
    void roundTripsFloatsWithOffsets() {
        try (CloseableGpuContext gpu = context(GIB)) {
            DeviceBuffer buffer = gpu.upload(new float[] {1, 2, 3, 4, 5, 6});
            buffer.write(2, new float[] {9, 30, 40, 9}, 1, 2);
            float[] out = {-1, -1, -1, -1, -1, -1, -1};
            buffer.read(1, out, 2, 5);

            assertThat(buffer.sizeBytes()).isEqualTo(24);
            assertThat(out).containsExactly(-1, -1, 2, 30, 40, 5, 6);
        }
    }

    @Test
    void readsAndWritesOutOfBoundsFailNamingTheRange() {
        try (CloseableGpuContext gpu = context(GIB)) {
            DeviceBuffer buffer = gpu.allocate(16 * Float.BYTES);

            assertThatThrownBy(() -> buffer.write(14, new float[4], 0, 4))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("FraudScorer on GPU 0: write of 4 floats at offset 14 runs past the end of a "
                    + "16-float buffer");
            assertThatThrownBy(() -> buffer.read(0, new float[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("read of 3 floats from dst[2] runs past the end of dst (length 4)");
            assertThatThrownBy(() -> buffer.read(-1, new float[4], 0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("must be ≥ 0");
        }
    }

    @Test
    void aClosedBufferCannotBeUsed() {
        try (CloseableGpuContext gpu = context(GIB)) {
            DeviceBuffer buffer = gpu.upload(new float[4]);
            buffer.close();

            assertThatThrownBy(() -> buffer.read(0, new float[4], 0, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FraudScorer on GPU 0: this 16 B buffer is closed; allocate a new one with "
                    + "GpuContext.allocate");
        }
    }

    @Test
    void closingTheContextFreesEveryBufferAndRefusesNewOnes() {
        CloseableGpuContext gpu = context(GIB);
        DeviceBuffer a = gpu.upload(new float[1024]);
        gpu.allocate(4096);

        gpu.close();
        gpu.close();

        assertThat(gpu.memoryUsed()).isZero();
        assertThatThrownBy(() -> a.write(0, new float[1], 0, 1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
        assertThatThrownBy(() -> gpu.allocate(4))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("FraudScorer on GPU 0: this GpuContext is closed");
    }

    @Test
    void aBufferLargerThanAJavaArrayIsRefusedBeforeAnythingIsReserved() {
        try (CloseableGpuContext gpu = context(16 * GIB)) {
            assertThatThrownBy(() -> gpu.allocate(9 * GIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2147483639 floats")
                .hasMessageContaining("9 GiB does not fit: split it into smaller buffers");
            assertThat(gpu.memoryUsed()).isZero();
        }
    }

    @Test
    void rejectsAFractionOrBudgetOutOfRange() {
        assertThatThrownBy(() -> new SimulatedGpuContext(GPU, 1.5, GIB, "FraudScorer"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("FraudScorer on GPU 0: fraction 1.5 must be in (0, 1]: a context covers one device");
        assertThatThrownBy(() -> new SimulatedGpuContext(GPU, Double.NaN, GIB, "FraudScorer"))
            .hasMessageContaining("fraction NaN");
        assertThatThrownBy(() -> new SimulatedGpuContext(GPU, 0.5, 20 * GIB, "FraudScorer"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("FraudScorer on GPU 0: memory budget 20 GiB exceeds the device's 16 GiB");
        assertThatThrownBy(() -> new SimulatedGpuContext(GPU, 0.5, 0, "FraudScorer"))
            .hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new SimulatedGpuContext(GPU, 0.5, GIB, "FraudScorer").allocate(0))
            .hasMessageContaining("cannot allocate 0 bytes");
    }

    @Test
    void concurrentAllocationsNeverExceedTheBudgetAndAllReturn() throws Exception {
        long budget = 64 * 1024;
        CloseableGpuContext gpu = context(budget);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> refusals = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                long seed = t;
                refusals.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<DeviceBuffer> held = new ArrayList<>();
                    start.await();
                    int refused = 0;
                    for (int i = 0; i < 5_000; i++) {
                        try {
                            held.add(gpu.allocate(Float.BYTES * (1 + random.nextInt(4096))));
                        } catch (GpuMemoryBudgetExceededException e) {
                            refused++;
                        }
                        if (held.size() > 3 || (!held.isEmpty() && random.nextInt(3) == 0)) {
                            held.remove(0).close();
                        }
                    }
                    held.forEach(DeviceBuffer::close);
                    return refused;
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<Integer> f : refusals) {
                refused += f.get();
            }

            assertThat(gpu.memoryUsed()).isZero();
            assertThat(gpu.memoryPeak()).isLessThanOrEqualTo(budget).isGreaterThan(budget / 2);
            assertThat(refused).as("some allocations met a full budget").isPositive();
        } finally {
            pool.shutdownNow();
            gpu.close();
        }
    }

    @Test
    void currentOutsideAnActorSaysWhereItWorks() {
        assertThatThrownBy(GpuContext::current)
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("GpuContext.current() works only inside a Prism actor's constructor or methods");
    }

    @Test
    void currentInsideAnActorIsItsContext() {
        try (CloseableGpuContext gpu = context(GIB)) {
            CurrentActor.Binding previous = CurrentActor.bind(new CurrentActor.Binding("FraudScorer", gpu));
            try {
                assertThat(GpuContext.current()).isSameAs(gpu);
            } finally {
                CurrentActor.restore(previous);
            }
            assertThatThrownBy(GpuContext::current).isInstanceOf(IllegalStateException.class);
        }
    }
}
