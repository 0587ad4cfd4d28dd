package io.prism.resources.device;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CUDA driver says about this machine, asked once per JVM.
 *
 * <p>Once per JVM because JCuda's driver binding fails for good when it fails: without {@code libcuda.so} the first
 * touch of {@code JCudaDriver} throws {@link UnsatisfiedLinkError} and every later one {@link NoClassDefFoundError},
 * so only the first answer carries the real reason. This class holds no JCuda reference itself: the driver is asked
 * by {@link CudaDriverQuery}, which is loaded only when {@link #probe()} is first called.
 */
public final class CudaProbe {
    private static final Logger LOG = LoggerFactory.getLogger(CudaProbe.class);

    private CudaProbe() {
    }

    /** How the driver lets processes share a device. */
    public enum ComputeMode {
        /** Any number of processes and threads. */
        DEFAULT,
        /** One process (an MPS server counts as one) may create contexts. */
        EXCLUSIVE_PROCESS,
        /** No process may create a context: the device is unusable. */
        PROHIBITED,
        /** A mode this version of Prism does not know. */
        UNKNOWN
    }

    /**
     * The driver's answer.
     *
     * @param available     true when the driver loaded and reported at least one device
     * @param devices       the devices, by CUDA ordinal; empty when unavailable
     * @param computeModes  each device's compute mode, by device index
     * @param driverVersion the driver's CUDA version as the driver encodes it (12060 for 12.6); 0 when unknown
     * @param reason        why CUDA is unavailable, one line ("no CUDA: libcuda.so not found (...)"); empty when
     *                      available
     */
    public record Result(boolean available, List<GpuDevice> devices, Map<Integer, ComputeMode> computeModes,
                         int driverVersion, String reason) {
        public Result {
            devices = List.copyOf(devices);
            computeModes = Map.copyOf(computeModes);
        }

        static Result unavailable(String reason, int driverVersion) {
            return new Result(false, List.of(), Map.of(), driverVersion, reason);
        }

        /** "12.6", or "unknown" when the driver did not say. */
        public String driverVersionText() {
            return driverVersion <= 0 ? "unknown" : driverVersion / 1000 + "." + (driverVersion % 1000) / 10;
        }

        /** The compute mode of device {@code index}, {@link ComputeMode#UNKNOWN} when it was not reported. */
        public ComputeMode computeMode(int index) {
            return computeModes.getOrDefault(index, ComputeMode.UNKNOWN);
        }
    }

    /** The driver's answer: asked on the first call, remembered after. Never throws. */
    public static Result probe() {
        return Holder.RESULT;
    }

    private static final class Holder {
        static final Result RESULT = ask();

        private static Result ask() {
            try {
                return CudaDriverQuery.query();
            } catch (LinkageError | RuntimeException e) {
                // JCuda missing from the class path, or a device the driver describes in a way Prism cannot read.
                LOG.debug("asking the CUDA driver failed", e);
                return Result.unavailable("no CUDA: asking the driver failed (" + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()) + ")", 0);
            }
        }
    }

    /** The first line of an error message, which JCuda's link errors follow with pages of detail. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        return message.strip().lines().findFirst().orElse("").trim();
    }
}
