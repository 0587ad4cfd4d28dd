package io.prism.resources.device;

import static io.prism.resources.device.CudaProbe.firstLine;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceGetUuid;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import io.prism.resources.device.CudaProbe.ComputeMode;
import io.prism.resources.device.CudaProbe.Result;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jcuda.CudaException;
import jcuda.driver.CUcomputemode;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUuuid;
import jcuda.driver.JCudaDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the CUDA driver, through JCuda, for its devices. The only class of this package that touches JCuda. */
final class CudaDriverQuery {
    private static final Logger LOG = LoggerFactory.getLogger(CudaDriverQuery.class);

    private CudaDriverQuery() {
    }

    static Result query() {
        int[] version = {0};
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            cuDriverGetVersion(version);
            int[] count = {0};
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                return Result.unavailable("no CUDA: the driver reports no GPU", version[0]);
            }
            List<GpuDevice> devices = new ArrayList<>();
            Map<Integer, ComputeMode> modes = new HashMap<>();
            for (int i = 0; i < count[0]; i++) {
                CUdevice device = new CUdevice();
                cuDeviceGet(device, i);
                devices.add(describe(i, device));
                modes.put(i, computeMode(attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_MODE)));
            }
            return new Result(true, devices, modes, version[0], "");
        } catch (UnsatisfiedLinkError e) {
            LOG.debug("JCuda's driver binding did not load", e);
            return Result.unavailable(reason(e), 0);
        } catch (LinkageError e) {
            LOG.debug("JCuda's driver binding is unusable", e);
            return Result.unavailable("no CUDA: JCuda's driver binding is unusable (" + e.getClass().getSimpleName()
                + ": " + firstLine(e.getMessage()) + ")", 0);
        } catch (CudaException e) {
            LOG.debug("the CUDA driver refused", e);
            return Result.unavailable("no CUDA: the driver refused (" + firstLine(e.getMessage()) + ")", version[0]);
        }
    }

    private static GpuDevice describe(int index, CUdevice device) {
        byte[] name = new byte[256];
        cuDeviceGetName(name, name.length, device);
        long[] memory = {0};
        cuDeviceTotalMem(memory, device);
        int sms = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        CUuuid uuid = new CUuuid();
        cuDeviceGetUuid(uuid, device);
        return new GpuDevice(index, uuid(uuid.bytes, index), cString(name), memory[0], sms, false);
    }

    private static int attribute(CUdevice device, int attribute) {
        int[] value = {0};
        cuDeviceGetAttribute(value, attribute, device);
        return value[0];
    }

    private static ComputeMode computeMode(int mode) {
        if (mode == CUcomputemode.CU_COMPUTEMODE_DEFAULT) {
            return ComputeMode.DEFAULT;
        }
        if (mode == CUcomputemode.CU_COMPUTEMODE_EXCLUSIVE_PROCESS) {
            return ComputeMode.EXCLUSIVE_PROCESS;
        }
        if (mode == CUcomputemode.CU_COMPUTEMODE_PROHIBITED) {
            return ComputeMode.PROHIBITED;
        }
        return ComputeMode.UNKNOWN;
    }

    /** The UUID as nvidia-smi prints it, "GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx". */
    static String uuid(byte[] bytes, int index) {
        if (bytes == null || bytes.length != 16) {
            // A driver that does not fill the UUID still needs a per-node unique, stable name for the device.
            return "GPU-index-" + index;
        }
        String hex = HexFormat.of().formatHex(bytes);
        return "GPU-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
            + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    static String reason(UnsatisfiedLinkError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (String line : message.split("\\R")) {
            int at = line.indexOf("libcuda.so");
            if (at >= 0) {
                return "no CUDA: libcuda.so not found (UnsatisfiedLinkError: " + line.substring(at).trim() + ")";
            }
        }
        return "no CUDA: JCuda's native driver binding did not load (UnsatisfiedLinkError: " + firstLine(message)
            + ")";
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
