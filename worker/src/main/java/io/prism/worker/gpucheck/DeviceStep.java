package io.prism.worker.gpucheck;

import io.prism.resources.device.CudaProbe;
import io.prism.resources.device.CudaProbe.ComputeMode;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.MemorySize;
import io.prism.worker.console.TextTable;

import java.util.List;

/** Step 1: the devices the CUDA driver reports through JCuda, and whether the GPU to check is usable. */
final class DeviceStep {
    /** The line a machine without CUDA gets, followed by the probe's reason. */
    static final String NO_GPU = "gpu-check needs an NVIDIA GPU and its driver; none found: ";

    private DeviceStep() {
    }

    /** Lists the devices in {@code section}; true when GPU {@code gpu} exists and accepts contexts. */
    static boolean run(CudaProbe.Result probe, int gpu, CheckReport.Section section) {
        if (!probe.available()) {
            return section.fail(probe.reason());
        }
        List<GpuDevice> devices = probe.devices();
        section.line("CUDA driver " + probe.driverVersionText() + ", " + devices.size() + " GPU"
            + (devices.size() == 1 ? "" : "s"));
        TextTable table = new TextTable(">GPU", "name", "UUID", ">memory", ">SMs", "compute mode");
        for (GpuDevice d : devices) {
            table.row(d.index(), d.name(), d.uuid(), MemorySize.format(d.totalMemory()), d.smCount(),
                probe.computeMode(d.index()));
        }
        section.table(table);
        GpuDevice chosen = devices.stream().filter(d -> d.index() == gpu).findFirst().orElse(null);
        if (chosen == null) {
            return section.fail("--gpu " + gpu + ": no such GPU; this machine has GPU"
                + (devices.size() == 1 ? " 0" : "s 0 to " + (devices.size() - 1)));
        }
        ComputeMode mode = probe.computeMode(gpu);
        if (mode == ComputeMode.PROHIBITED) {
            return section.fail("GPU " + gpu + " is in compute mode PROHIBITED: no process may use it (set it to "
                + "DEFAULT or EXCLUSIVE_PROCESS with nvidia-smi -c)");
        }
        return section.pass("GPU " + gpu + " (" + chosen.name() + ", " + MemorySize.format(chosen.totalMemory())
            + ") is usable in compute mode " + mode);
    }
}
