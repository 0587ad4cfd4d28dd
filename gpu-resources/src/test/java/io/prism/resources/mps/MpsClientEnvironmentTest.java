package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.prism.resources.device.GpuDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MpsClientEnvironmentTest {
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final String UUID = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6";
    private static final GpuDevice H100 = new GpuDevice(3, UUID, "NVIDIA H100 80GB HBM3", 80 * GIB, 132, false);
    private static final Path PIPE = Path.of("/var/prism/node-1/mps/pipe");

    @Test
    void aQuarterGpuGets25PercentOfTheThreadsAndItsBudgetOnTheOneVisibleDevice() {
        MpsClientEnvironment env = MpsClientEnvironment.of(H100, 2_500, 20 * GIB, PIPE);

        assertThat(env.asMap()).containsExactly(
            entry("CUDA_VISIBLE_DEVICES", UUID),
            entry("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "25"),
            entry("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=20480M"),
            entry("CUDA_MPS_PIPE_DIRECTORY", PIPE.toString()));
    }

    @Test
    void withoutADaemonTheShareIsSetButNoPipeIsNamed() {
        assertThat(MpsClientEnvironment.of(H100, 2_500, 20 * GIB, null).asMap())
            .containsEntry("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "25")
            .doesNotContainKey("CUDA_MPS_PIPE_DIRECTORY");
    }

    @Test
    void percentagesRoundUpFromUnits() {
        assertThat(MpsClientEnvironment.activeThreadPercentage(1)).isEqualTo(1);
        assertThat(MpsClientEnvironment.activeThreadPercentage(100)).isEqualTo(1);
        assertThat(MpsClientEnvironment.activeThreadPercentage(101)).isEqualTo(2);
        assertThat(MpsClientEnvironment.activeThreadPercentage(2_500)).isEqualTo(25);
        assertThat(MpsClientEnvironment.activeThreadPercentage(3_333)).isEqualTo(34);
        assertThat(MpsClientEnvironment.activeThreadPercentage(10_000)).isEqualTo(100);
    }

    @Test
    void aTenThousandthOfAGpuAndAWholeOneAreBothExpressible() {
        assertThat(MpsClientEnvironment.of(H100, 1, 8 * MIB, PIPE).asMap())
            .containsEntry("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "1")
            .containsEntry("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=8M");
        assertThat(MpsClientEnvironment.of(H100, 10_000, 80 * GIB, PIPE).asMap())
            .containsEntry("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "100")
            .containsEntry("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=81920M");
    }

    @Test
    void unitsOutsideOneGpuAreRefused() {
        assertThatThrownBy(() -> MpsClientEnvironment.activeThreadPercentage(0))
            .hasMessage("0 units: an MPS client holds 1 to 10000 units of one GPU");
        assertThatThrownBy(() -> MpsClientEnvironment.activeThreadPercentage(10_001))
            .hasMessage("10001 units: an MPS client holds 1 to 10000 units of one GPU");
    }

    @Test
    void theMemoryLimitIsRoundedDownSoItNeverExceedsTheBudget() {
        assertThat(MpsClientEnvironment.pinnedMemoryMiB(4 * GIB - 1)).isEqualTo(4095);
        assertThat(MpsClientEnvironment.pinnedMemoryMiB(MIB + 1)).isEqualTo(1);
        assertThat(MpsClientEnvironment.pinnedMemoryMiB(MIB)).isEqualTo(1);
        assertThatThrownBy(() -> MpsClientEnvironment.pinnedMemoryMiB(MIB - 1))
            .hasMessageContaining("memory budget of 1048575 bytes is below 1 MiB");
    }

    @Test
    void aBudgetAboveTheDeviceIsRefused() {
        assertThatThrownBy(() -> MpsClientEnvironment.of(H100, 2_500, 81 * GIB, PIPE))
            .hasMessageContaining("memory budget 81 GiB exceeds GPU 3 (NVIDIA H100 80GB HBM3, 80 GiB)");
    }

    @Test
    void aDeviceWithoutADriverUuidIsSelectedByIndex() {
        GpuDevice noUuid = new GpuDevice(2, "GPU-index-2", "NVIDIA A100", 40 * GIB, 108, false);
        GpuDevice simulated = GpuDevice.simulated(1, 16 * GIB);

        assertThat(MpsClientEnvironment.of(noUuid, 5_000, GIB, PIPE).visibleDevice()).isEqualTo("2");
        assertThat(MpsClientEnvironment.of(simulated, 5_000, GIB, PIPE).visibleDevice()).isEqualTo("1");
    }

    @Test
    void thePipeDirectoryIsAbsolute() {
        MpsClientEnvironment env = MpsClientEnvironment.of(H100, 2_500, GIB, Path.of("relative/pipe"));

        assertThat(env.pipeDirectory()).isEqualTo(Path.of("relative/pipe").toAbsolutePath());
    }
}
