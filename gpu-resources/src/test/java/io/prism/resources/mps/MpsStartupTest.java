package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.Isolation;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.mps.MpsStartup.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class MpsStartupTest {
    private static final List<GpuDevice> REAL = List.of(new GpuDevice(0,
        "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6", "NVIDIA H100 80GB HBM3", 80L << 30, 132, false));
    private static final List<GpuDevice> SIMULATED = List.of(GpuDevice.simulated(0, 16L << 30));

    @RegisterExtension
    final FakeMpsControl fake = new FakeMpsControl();

    @Test
    void autoOnRealGpusWithAWorkingDaemonGivesProcessAndCloseStopsTheDaemon() {
        MpsSettings settings = fake.settings("ok");
        MpsStartup startup = MpsStartup.start(IsolationMode.AUTO, true, REAL, settings);

        assertDecision(startup, Isolation.PROCESS, Outcome.RUNNING);
        assertThat(startup.pipeDirectory()).contains(settings.pipeDirectory());
        long pid = startup.controller().orElseThrow().daemonPid().orElseThrow();

        startup.close();

        assertThat(Processes.running(pid)).isFalse();
        assertThat(fake.calls(settings)).endsWith("stdin: quit");
    }

    @Test
    void autoWithoutTheBinaryGivesSharedAndSaysWhy() {
        MpsSettings settings = MpsSettings.defaults(fake.workDir)
            .withBinary(fake.dir.resolve("missing/nvidia-cuda-mps-control"));

        MpsStartup startup = MpsStartup.start(IsolationMode.AUTO, true, REAL, settings);

        assertDecision(startup, Isolation.SHARED, Outcome.BINARY_MISSING);
        assertThat(startup.reason()).contains("missing/nvidia-cuda-mps-control is missing or not executable");
    }

    @Test
    void autoOnSimulatedGpusGivesSharedWithoutTouchingMps() {
        MpsSettings settings = fake.settings("ok");

        MpsStartup startup = MpsStartup.start(IsolationMode.AUTO, true, SIMULATED, settings);

        assertDecision(startup, Isolation.SHARED, Outcome.NO_GPU);
        assertThat(startup.reason()).contains("simulated");
        assertThat(fake.calls(settings)).isEmpty();
    }

    @Test
    void aNodeWithoutGpusProvidesNoGpuIsolation() {
        MpsStartup startup = MpsStartup.start(IsolationMode.AUTO, true, List.of(), fake.settings("ok"));

        assertDecision(startup, Isolation.NONE, Outcome.NO_GPU);
    }

    @Test
    void sharedStartsNoDaemon() {
        MpsSettings settings = fake.settings("ok");

        MpsStartup startup = MpsStartup.start(IsolationMode.SHARED, false, REAL, settings);

        assertDecision(startup, Isolation.SHARED, Outcome.NOT_REQUESTED);
        assertThat(fake.calls(settings)).isEmpty();
    }

    @Test
    void processWithAFailingDaemonFallsBackToSharedWithTheLogTail() {
        MpsStartup startup = MpsStartup.start(IsolationMode.PROCESS, true, REAL, fake.settings("fail-start"));

        assertDecision(startup, Isolation.SHARED, Outcome.DAEMON_FAILED);
        assertThat(startup.reason()).contains("'nvidia-cuda-mps-control -d' exited with 1")
            .contains("cannot open /dev/nvidiactl (fake failure)");
    }

    @Test
    void processWithAFailingDaemonAndNoFallbackRefusesToStart() {
        assertThatThrownBy(() -> MpsStartup.start(IsolationMode.PROCESS, false, REAL, fake.settings("fail-start")))
            .isInstanceOf(MpsException.class)
            .hasMessageStartingWith("isolation process: MPS cannot run on this node: ")
            .hasMessageContaining("cannot open /dev/nvidiactl (fake failure)")
            .hasMessageEndingWith("Use isolation shared or auto, or allow the fallback to shared");
    }

    @Test
    void processWithAHungDaemonFallsBackAfterTheTimeout() {
        MpsStartup startup = MpsStartup.start(IsolationMode.PROCESS, true, REAL, fake.settings("hang"));

        assertDecision(startup, Isolation.SHARED, Outcome.DAEMON_FAILED);
        assertThat(startup.reason()).contains("did not finish within 300 ms");
    }

    @Test
    void processOnSimulatedGpusWithoutFallbackRefuses() {
        assertThatThrownBy(() -> MpsStartup.start(IsolationMode.PROCESS, false, SIMULATED, fake.settings("ok")))
            .isInstanceOf(MpsException.class)
            .hasMessageContaining("the node's GPUs are simulated");
    }

    @Test
    void processIsNeverClaimedWithoutARunningDaemon() {
        assertThatThrownBy(() -> new MpsStartup(IsolationMode.PROCESS, Isolation.PROCESS,
            Outcome.DAEMON_FAILED, "x", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PROCESS needs a running daemon");
    }

    private static void assertDecision(MpsStartup startup, Isolation isolation, Outcome outcome) {
        assertThat(startup.isolation()).as("isolation").isEqualTo(isolation);
        assertThat(startup.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(startup.mpsRunning()).as("MPS running").isEqualTo(outcome == Outcome.RUNNING);
        assertThat(startup.pipeDirectory().isPresent()).as("pipe directory given").isEqualTo(startup.mpsRunning());
    }
}
