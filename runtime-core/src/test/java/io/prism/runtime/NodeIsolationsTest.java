package io.prism.runtime;

import com.typesafe.config.Config;
import io.prism.Isolation;
import io.prism.exception.PrismException;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.GpuDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a node reports it enforces, for each isolation asked for and each kind of GPU it has. */
class NodeIsolationsTest {
    @TempDir
    Path work;

    private static final GpuDiscovery.Discovered SIMULATED = new GpuDiscovery.Discovered(
        List.of(GpuDevice.simulated(0, 16L << 30)), true, "1 simulated GPU");
    private static final GpuDiscovery.Discovered NONE = new GpuDiscovery.Discovered(List.of(), false, "no GPUs");
    /** A real-looking GPU on a machine without the MPS control binary. */
    private static final GpuDiscovery.Discovered REAL = new GpuDiscovery.Discovered(List.of(new GpuDevice(0,
        "GPU-8c5b2f4e-1d2a-4b6c-9e0f-123456789abc", "NVIDIA H100", 80L << 30, 132, false)), false, "1 GPU");

    private Config config(String isolation, boolean fallback) {
        return PrismConfigLoader.load(Map.of("prism.isolation", isolation,
            "prism.executor.work-dir", work.toString(),
            "prism.mps.control", work.resolve("no-such-dir/nvidia-cuda-mps-control").toString(),
            "prism.mps.fallback-to-shared", fallback), false);
    }

    @Test
    void simulatedGpusRunInTheWorkerUnlessProcessIsAskedForAndThenSayThereIsNoMps() {
        assertThat(NodeIsolations.decide(config("auto", true), "n1", SIMULATED).isolation().mode())
            .isEqualTo(Isolation.SHARED);
        NodeIsolations.Decided process = NodeIsolations.decide(config("process", true), "n1", SIMULATED);
        assertThat(process.isolation().mode()).isEqualTo(Isolation.PROCESS);
        assertThat(process.isolation().detail()).contains("no MPS");
        assertThat(process.isolation().launcher()).isNotNull();
        assertThat(process.mps()).isNull();
        assertThat(work.resolve("executor.conf")).as("settings handed to executors").exists();
    }

    @Test
    void aNodeWithoutGpusProvidesNoIsolationAndSharedIsAlwaysShared() {
        assertThat(NodeIsolations.decide(config("process", true), "n1", NONE).isolation().mode())
            .isEqualTo(Isolation.NONE);
        assertThat(NodeIsolations.decide(config("shared", true), "n1", REAL).isolation().mode())
            .isEqualTo(Isolation.SHARED);
    }

    @Test
    void realGpusWithoutAnMpsDaemonFallBackToSharedSayingWhyOrRefuseWhenToldTo() {
        NodeIsolations.Decided fallback = NodeIsolations.decide(config("process", true), "n1", REAL);
        assertThat(fallback.isolation().mode()).isEqualTo(Isolation.SHARED);
        assertThat(fallback.isolation().detail()).contains("nvidia-cuda-mps-control");

        assertThat(NodeIsolations.decide(config("auto", false), "n1", REAL).isolation().mode())
            .as("auto never refuses").isEqualTo(Isolation.SHARED);
        assertThatThrownBy(() -> NodeIsolations.decide(config("process", false), "n1", REAL))
            .isInstanceOf(PrismException.class)
            .hasMessageContaining("nvidia-cuda-mps-control")
            .hasMessageContaining("prism.mps.fallback-to-shared");
    }

    @Test
    void aNegativeMpsWatchIntervalIsRefusedNamingTheSetting() {
        Config config = PrismConfigLoader.load(Map.of("prism.isolation", "process",
            "prism.executor.work-dir", work.toString(), "prism.mps.watch-interval", "-1s"), false);

        assertThatThrownBy(() -> NodeIsolations.decide(config, "n1", REAL)).isInstanceOf(PrismException.class)
            .hasMessageContaining("prism.mps.watch-interval = -1000ms").hasMessageContaining("0s to turn");
    }

    @Test
    void aBadIsolationValueNamesTheValueAndTheChoices() {
        assertThatThrownBy(() -> NodeIsolations.decide(config("proc", true), "n1", SIMULATED))
            .hasMessageContaining("'proc'").hasMessageContaining("process, shared or auto");
    }
}
