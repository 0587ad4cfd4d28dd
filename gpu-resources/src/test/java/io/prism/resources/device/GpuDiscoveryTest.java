package io.prism.resources.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.resources.device.CudaProbe.ComputeMode;
import io.prism.resources.device.GpuDiscovery.Discovered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuDiscoveryTest {
    private static final GpuSpec AUTO = GpuSpec.parse("auto");
    private static final GpuSpec NONE = GpuSpec.parse("none");
    private static final String NO_LIBCUDA = "no CUDA: libcuda.so not found (UnsatisfiedLinkError: libcuda.so.1: "
        + "cannot open shared object file)";

    @Test
    void autoOnThisMachineGivesRealGpusOrTheSimulatedFallback() {
        Discovered found = GpuDiscovery.discover(AUTO, GpuSpec.DEFAULT_SIMULATED);

        CudaProbe.Result probe = CudaProbe.probe();
        if (probe.available()) {
            assertThat(found.simulated()).isFalse();
            assertThat(found.devices()).isNotEmpty();
        } else {
            assertThat(found.simulated()).isTrue();
            assertThat(found.devices()).isEqualTo(((GpuSpec.Simulated) GpuSpec.DEFAULT_SIMULATED).devices());
            assertThat(found.description())
                .isEqualTo("2 simulated GPUs (" + probe.reason() + "; using sim:2x16GiB)");
        }
    }

    @Test
    void autoWithoutCudaFallsBackToTheSimulatedSpec() {
        Discovered found = GpuDiscovery.discover(AUTO, GpuSpec.parse("sim:1x80GiB"),
            () -> CudaProbe.Result.unavailable(NO_LIBCUDA, 0));

        assertThat(found.simulated()).isTrue();
        assertThat(found.devices()).containsExactly(GpuDevice.simulated(0, 80L << 30));
        assertThat(found.description()).isEqualTo("1 simulated GPU (" + NO_LIBCUDA + "; using sim:1x80GiB)");
    }

    @Test
    void autoWithoutCudaAndNoFallbackOffersNoGpu() {
        Discovered found = GpuDiscovery.discover(AUTO, NONE, () -> CudaProbe.Result.unavailable(NO_LIBCUDA, 0));

        assertThat(found.devices()).isEmpty();
        assertThat(found.description()).isEqualTo("no GPUs (" + NO_LIBCUDA + ")");
    }

    @Test
    void autoWithCudaOffersTheRealDevicesExceptProhibitedOnes() {
        GpuDevice h100 = new GpuDevice(0, "GPU-a", "NVIDIA H100 80GB HBM3", 80L << 30, 132, false);
        GpuDevice locked = new GpuDevice(1, "GPU-b", "NVIDIA H100 80GB HBM3", 80L << 30, 132, false);
        CudaProbe.Result probe = new CudaProbe.Result(true, List.of(h100, locked),
            Map.of(0, ComputeMode.DEFAULT, 1, ComputeMode.PROHIBITED), 12060, "");

        Discovered found = GpuDiscovery.discover(AUTO, GpuSpec.DEFAULT_SIMULATED, () -> probe);

        assertThat(found.simulated()).isFalse();
        assertThat(found.devices()).containsExactly(h100);
        assertThat(found.description()).isEqualTo("1 CUDA GPU, driver 12.6: 0 NVIDIA H100 80GB HBM3 (80 GiB); "
            + "GPU 1 skipped: compute mode prohibited");
    }

    @Test
    void simulatedAndNoneSpecsNeverAskTheDriver() {
        Discovered sim = GpuDiscovery.discover(GpuSpec.parse("sim:1x80GiB,2x40GiB"), NONE, () -> {
            throw new AssertionError("asked CUDA for a simulated spec");
        });
        Discovered none = GpuDiscovery.discover(NONE, NONE, () -> {
            throw new AssertionError("asked CUDA for none");
        });

        assertThat(sim.devices()).extracting(GpuDevice::index).containsExactly(0, 1, 2);
        assertThat(sim.simulated()).isTrue();
        assertThat(sim.description()).isEqualTo("3 simulated GPUs (sim:1x80GiB,2x40GiB)");
        assertThat(none.devices()).isEmpty();
        assertThat(none.simulated()).isFalse();
        assertThat(none.description()).isEqualTo("no GPUs (gpus = none)");
    }

    @Test
    void anAutoFallbackIsRefused() {
        assertThatThrownBy(() -> GpuDiscovery.discover(AUTO, AUTO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fallback GPU spec \"auto\"")
            .hasMessageContaining("sim:2x16GiB");
    }
}
