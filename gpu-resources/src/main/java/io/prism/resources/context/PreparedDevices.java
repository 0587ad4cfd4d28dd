package io.prism.resources.context;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import io.prism.exception.PrismException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CUDA readied in this JVM before an actor asks for it: the driver initialised, the device's primary context made
 * (under MPS, the process becomes the server's client then), the sgemm chosen and set up, and one sgemm run. Together
 * that is a tenth of a second or more, which an executor otherwise spends between its actor's creation and its first
 * answered call. The first {@link CudaGpuContext} on the device takes the prepared sgemm over. The preparation keeps
 * its hold on the primary context for the JVM's life (or until {@link #release}), so later contexts on the device
 * find it made, as long as the JVM holds its GPU anyway: an executor (one actor, then exit), or a worker whose
 * actors share its process.
 */
final class PreparedDevices {
    /** How long a context waits for a preparation in flight before making its own sgemm. */
    private static final long ADOPT_WAIT_SECONDS = 60;
    /** The warm-up sgemm's matrices: n × n. */
    private static final int WARM_UP_N = 16;

    private static final Map<Integer, CompletableFuture<Prepared>> BY_ORDINAL = new ConcurrentHashMap<>();

    /** A device readied: the primary context this holds, and the sgemm until a context takes it. */
    private record Prepared(int ordinal, CUdevice device, CUcontext context, AtomicReference<DeviceSgemm> gemm,
                            String summary) {
    }

    private PreparedDevices() {
    }

    /** Starts readying device {@code ordinal} on a thread of its own, once per JVM; completes with a summary. */
    static CompletableFuture<String> prepare(int ordinal) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("CUDA device ordinal " + ordinal + ": must be 0 or more");
        }
        return BY_ORDINAL.computeIfAbsent(ordinal, o -> {
            CompletableFuture<Prepared> prepared = new CompletableFuture<>();
            // the logger is got on this thread: an executor calls prepare before it sets up logging beside its
            // settings, and would otherwise wait for Logback first
            Thread thread = new Thread(() -> {
                try {
                    Prepared done = open(o);
                    log().info(done.summary());
                    prepared.complete(done);
                } catch (Throwable e) {
                    // After a CUDA error a later context tries again, and meets the error itself if it lasts. JCuda's
                    // natives that did not load never will in this JVM: that failure stays, for every context to say.
                    if (!(e instanceof LinkageError)) {
                        BY_ORDINAL.remove(o, prepared);
                    }
                    log().warn("GPU {} could not be readied ahead: {}", o, oneLine(e));
                    prepared.completeExceptionally(e);
                }
            }, "prism-gpu-prepare-" + o);
            thread.setDaemon(true);
            thread.start();
            return prepared;
        }).thenApply(Prepared::summary);
    }

    private static Prepared open(int ordinal) {
        long began = System.nanoTime();
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
        long initialised = System.nanoTime();
        CUdevice device = new CUdevice();
        CUcontext context = new CUcontext();
        cuDeviceGet(device, ordinal);
        cuDevicePrimaryCtxRetain(context, device);
        DeviceSgemm gemm = null;
        try {
            cuCtxSetCurrent(context);
            long contextMade = System.nanoTime();
            SgemmChoice choice = SgemmChoice.inThisJvm();
            gemm = choice.cublas() ? new CublasSgemm() : new PtxSgemm("GPU " + ordinal + " (prepared)");
            long gemmMade = System.nanoTime();
            warmUp(gemm);
            long warm = System.nanoTime();
            String summary = String.format(Locale.ROOT, "GPU %d ready in %d ms: driver %d ms, context %d ms, %s %d ms, "
                    + "first sgemm %d ms", ordinal, millis(began, warm), millis(began, initialised),
                millis(initialised, contextMade), choice.describe(), millis(contextMade, gemmMade),
                millis(gemmMade, warm));
            return new Prepared(ordinal, device, context, new AtomicReference<>(gemm), summary);
        } catch (RuntimeException | LinkageError e) {
            if (gemm != null) {
                gemm.destroy();
            }
            cuDevicePrimaryCtxRelease(device);
            throw e;
        }
    }

    /** One small sgemm, so that the kernels it needs are loaded (cuBLAS loads them lazily) before a real call. */
    private static void warmUp(DeviceSgemm gemm) {
        long bytes = (long) Float.BYTES * WARM_UP_N * WARM_UP_N;
        CUdeviceptr a = new CUdeviceptr();
        CUdeviceptr c = new CUdeviceptr();
        cuMemAlloc(a, bytes);
        try {
            cuMemAlloc(c, bytes);
            try {
                gemm.sgemm(false, false, WARM_UP_N, WARM_UP_N, WARM_UP_N, 1f, a, WARM_UP_N, a, WARM_UP_N, 0f, c,
                    WARM_UP_N);
                cuCtxSynchronize();
            } finally {
                cuMemFree(c);
            }
        } finally {
            cuMemFree(a);
        }
    }

    /**
     * Waits for a preparation of device {@code ordinal} in flight, so that a context made next finds the driver and
     * the primary context set up; returns at once when there is none.
     *
     * @param where the context, for messages: "FraudScorer on GPU 0"
     * @throws PrismException when that preparation failed: with its error, which the context would meet again (and
     *                        where JCuda's natives did not load, it would meet only a NoClassDefFoundError); after a
     *                        CUDA error the next context tries again, after natives that did not load it fails too
     */
    static void awaitReady(int ordinal, String where) {
        CompletableFuture<Prepared> pending = BY_ORDINAL.get(ordinal);
        if (pending == null) {
            return;
        }
        try {
            pending.get(ADOPT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new PrismException(where + ": CUDA could not be set up: " + oneLine(e.getCause()) + " (check that "
                + "nvidia-smi lists the GPU and, under MPS, the MPS server's log)", e.getCause());
        } catch (TimeoutException e) {
            log().warn("GPU {} was still being readied after {} s; its context is made now", ordinal,
                ADOPT_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The prepared sgemm of device {@code ordinal}, for the first context made there, which holds the primary
     * context it was made in; null when the device was not prepared (or not yet), its sgemm was taken, or the
     * preparation failed: the context then makes its own.
     */
    static DeviceSgemm adopt(int ordinal) {
        CompletableFuture<Prepared> pending = BY_ORDINAL.get(ordinal);
        Prepared prepared = pending == null || !pending.isDone() || pending.isCompletedExceptionally() ? null
            : pending.join();
        return prepared == null ? null : prepared.gemm().getAndSet(null);
    }

    /**
     * Lets go of device {@code ordinal}'s preparation: frees its sgemm if no context took it and releases its hold on
     * the primary context, which the driver destroys once no context holds it either. A preparation in flight is let
     * go of when it is done, on its own thread; this does not wait.
     */
    static void release(int ordinal) {
        CompletableFuture<Prepared> pending = BY_ORDINAL.remove(ordinal);
        if (pending != null) {
            pending.thenAccept(PreparedDevices::letGo);
        }
    }

    private static void letGo(Prepared prepared) {
        DeviceSgemm gemm = prepared.gemm().getAndSet(null);
        try {
            if (gemm != null) {
                cuCtxSetCurrent(prepared.context());
                gemm.destroy();
            }
        } catch (RuntimeException e) {
            log().warn("GPU {}: freeing the prepared sgemm failed: {}", prepared.ordinal(), oneLine(e));
        } finally {
            cuCtxSetCurrent(null);
            cuDevicePrimaryCtxRelease(prepared.device());
        }
    }

    /** A failure in one line: JCuda's link errors carry some forty, the last attempt's names the library. */
    private static String oneLine(Throwable e) {
        if (e instanceof LinkageError linkage) {
            return SgemmChoice.firstCause(linkage);
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Logger log() {
        return LoggerFactory.getLogger(PreparedDevices.class);
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
