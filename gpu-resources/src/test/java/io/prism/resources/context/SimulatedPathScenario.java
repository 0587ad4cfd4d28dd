package io.prism.resources.context;

import io.prism.gpu.DeviceBuffer;
import io.prism.resources.device.GpuDiscovery;
import io.prism.resources.device.GpuSpec;

/**
 * What a node with simulated GPUs does: discovery, a context, buffers and sgemm. Run in its own class loader by
 * {@link SimulatedPathLoadsNoJcudaTest}.
 */
public final class SimulatedPathScenario implements Runnable {

    @Override
    public void run() {
        GpuDiscovery.Discovered found = GpuDiscovery.discover(GpuSpec.parse("sim:1x1GiB"), GpuSpec.parse("none"));
        try (CloseableGpuContext gpu = GpuContexts.forDevice(found.devices().get(0), 0.5, 1 << 20, "Scenario")) {
            DeviceBuffer a = gpu.upload(new float[] {1, 2, 3, 4});
            DeviceBuffer c = gpu.allocate(4 * Float.BYTES);
            gpu.blas().sgemm(false, true, 2, 2, 2, 1f, a, 2, a, 2, 0f, c, 2);
            c.read(0, new float[4], 0, 4);
        }
    }
}
