package io.prism.runtime;

import io.prism.Gpu;
import io.prism.gpu.DeviceBuffer;
import io.prism.gpu.GpuContext;
import jcuda.CudaException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Actor classes the runtime tests create. */
final class TestActors {
    private TestActors() {
    }

    /** A CPU-only actor with state. */
    public static class Counter {
        private long value;

        public Counter() {
        }

        public Counter(long start) {
            this.value = start;
        }

        public long add(int delta) {
            value += delta;
            return value;
        }

        public long get() {
            return value;
        }

        public void reset() {
            value = 0;
        }

        public String describe(String prefix, double scale, boolean loud, List<String> tags, int[] extra,
                               char suffix) {
            String s = prefix + (value * scale) + tags + extra.length + suffix;
            return loud ? s.toUpperCase() : s;
        }

        public CompletableFuture<Long> later(long delta) {
            return CompletableFuture.supplyAsync(() -> value + delta);
        }

        public long fail(String message) {
            throw new IllegalStateException(message);
        }

        public long crash() {
            throw new OutOfMemoryError("simulated fatal error");
        }
    }

    /** A quarter-GPU actor that reports its GPU context. */
    @Gpu(0.25)
    public static class Quarter {
        private final GpuContext gpu = GpuContext.current();

        public Quarter() {
        }

        public int gpuIndex() {
            return gpu.deviceIndex();
        }

        public long budget() {
            return gpu.memoryBudget();
        }

        public long allocate(long bytes) {
            DeviceBuffer b = gpu.allocate(bytes);
            return b.sizeBytes();
        }

        public long pid() {
            return ProcessHandle.current().pid();
        }

        /** Fails later, as a kernel that hit a wild pointer is reported when its stream is synchronized. */
        public CompletableFuture<Long> faultLater() {
            return CompletableFuture.supplyAsync(() -> {
                throw new CudaException("CUDA_ERROR_ILLEGAL_ADDRESS");
            });
        }
    }

    @Gpu(0.6)
    public static class SixTenths {
        public SixTenths() {
        }

        public String hello() {
            return "hi";
        }
    }

    @Gpu(1)
    public static class WholeGpu {
        public WholeGpu() {
        }
    }

    @Gpu(3)
    public static class ThreeGpus {
        public ThreeGpus() {
        }
    }

    @Gpu(0)
    public static class ZeroGpu {
        public ZeroGpu() {
        }
    }

    @Gpu(-0.5)
    public static class NegativeGpu {
        public NegativeGpu() {
        }
    }

    @Gpu(1.5)
    public static class OneAndAHalfGpu {
        public OneAndAHalfGpu() {
        }
    }

    @Gpu(Double.NaN)
    public static class NanGpu {
        public NanGpu() {
        }
    }

    @Gpu(0.00001)
    public static class TinyGpu {
        public TinyGpu() {
        }
    }

    @Gpu(value = 0.25, memory = "6 gigs")
    public static class GigsMemory {
        public GigsMemory() {
        }
    }

    @Gpu(value = 0.25, memory = "64GiB")
    public static class HugeMemory {
        public HugeMemory() {
        }
    }

    /** A constructor that throws. */
    public static class Unbuildable {
        public Unbuildable(String why) {
            throw new IllegalArgumentException(why);
        }
    }

    /** Counts its constructions across restarts. */
    public static class Phoenix {
        static final AtomicInteger BUILT = new AtomicInteger();

        public Phoenix() {
            BUILT.incrementAndGet();
        }

        public String ping() {
            return "pong";
        }

        public void die() {
            throw new StackOverflowError("simulated fatal error");
        }
    }

    /** Blocks in a method until released, to observe concurrency. */
    public static class Gate {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger maxInside = new AtomicInteger();

        public Gate() {
        }

        public int pass(CountDownLatch arrived, CountDownLatch release) throws InterruptedException {
            int now = inside.incrementAndGet();
            arrived.countDown();
            maxInside.accumulateAndGet(now, Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } finally {
                inside.decrementAndGet();
            }
            return maxInside.get();
        }
    }
}
