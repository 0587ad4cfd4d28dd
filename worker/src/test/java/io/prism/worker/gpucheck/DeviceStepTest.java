package io.prism.worker.gpucheck;

import io.prism.resources.device.CudaProbe;
import io.prism.resources.device.CudaProbe.ComputeMode;
import io.prism.resources.device.GpuDevice;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceStepTest {
    private static final GpuDevice H100 = new GpuDevice(0, "GPU-1d2c3b4a-0000-1111-2222-333344445555",
        "NVIDIA H100 80GB HBM3", 85_031_714_816L, 132, false);
    private static final GpuDevice L4 = new GpuDevice(1, "GPU-99887766-0000-1111-2222-333344445555", "NVIDIA L4",
        24_152_899_584L, 58, false);

    private final StringWriter text = new StringWriter();
    private final CheckReport report = new CheckReport(new PrintWriter(text, true), 5);

    private boolean run(Map<Integer, ComputeMode> modes, int gpu) {
        return DeviceStep.run(new CudaProbe.Result(true, List.of(H100, L4), modes, 12040, ""), gpu,
            report.step(1, "Devices through JCuda"));
    }

    @Test
    void listsEveryDeviceWithItsUuidMemorySmsAndComputeMode() {
        boolean passed = run(Map.of(0, ComputeMode.DEFAULT, 1, ComputeMode.EXCLUSIVE_PROCESS), 1);

        assertThat(passed).isTrue();
        assertThat(text.toString()).contains("CUDA driver 12.4, 2 GPUs")
            .containsPattern("(?m)^     0  NVIDIA H100 80GB HBM3  GPU-1d2c3b4a-0000-1111-2222-333344445555 "
                + "+79\\.2 GiB  132  DEFAULT$")
            .containsPattern("(?m)^     1  NVIDIA L4 +GPU-99887766-\\S+ +22\\.5 GiB +58  EXCLUSIVE_PROCESS$")
            .contains("PASS  GPU 1 (NVIDIA L4, 22.5 GiB) is usable in compute mode EXCLUSIVE_PROCESS");
    }

    @Test
    void aProhibitedGpuFails() {
        boolean passed = run(Map.of(0, ComputeMode.PROHIBITED, 1, ComputeMode.DEFAULT), 0);

        assertThat(passed).isFalse();
        assertThat(text.toString()).contains("FAIL  GPU 0 is in compute mode PROHIBITED");
    }

    @Test
    void aGpuIndexBeyondTheDevicesNamesTheOnesThereAre() {
        assertThat(run(Map.of(), 2)).isFalse();

        assertThat(text.toString()).contains("FAIL  --gpu 2: no such GPU; this machine has GPUs 0 to 1");
    }
}
