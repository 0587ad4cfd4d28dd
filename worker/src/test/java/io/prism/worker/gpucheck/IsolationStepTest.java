package io.prism.worker.gpucheck;

import io.prism.ClusterState;
import io.prism.Isolation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IsolationStepTest {
    private static final long GIB = 1L << 30;
    private static final MpsClients NO_CLIENTS = new MpsClients(Map.of());

    private final StringWriter text = new StringWriter();
    private final CheckReport report = new CheckReport(new PrintWriter(text, true), 5);

    private static ClusterState.Node node(Isolation isolation, String detail, boolean simulated) {
        return new ClusterState.Node("embedded", "pekko://prism@127.0.0.1:40001", "Up", isolation, detail, 16, 0,
            List.of(new ClusterState.GpuState(0, "NVIDIA H100 80GB HBM3", simulated, 80 * GIB, 0, 0, List.of())));
    }

    @Test
    void processIsolationWithAnAnsweringDaemonPasses() {
        boolean passed = IsolationStep.run(node(Isolation.PROCESS, "executor process per GPU actor, an MPS client "
            + "capped at its share by the driver (MPS control daemon runs on /tmp/p/mps/pipe)", false), 0,
            () -> NO_CLIENTS, report.step(2, "isolation"));

        assertThat(passed).isTrue();
        assertThat(text.toString()).contains("node embedded: isolation PROCESS, executor process per GPU actor")
            .contains("MPS daemon: no MPS server runs (a server starts with its first client)")
            .contains("PASS  PROCESS isolation with a running MPS daemon");
    }

    @Test
    void aNodeThatFellBackToSharedFailsWithTheReasonItsStatusGives() {
        String why = "in the worker JVM: nvidia-cuda-mps-control is not on PATH (install the NVIDIA driver's compute "
            + "utilities, or name the binary in the worker's MPS settings)";

        boolean passed = IsolationStep.run(node(Isolation.SHARED, why, false), 0, () -> {
            throw new AssertionError("no daemon to ask when the node has none");
        }, report.step(2, "isolation"));

        assertThat(passed).isFalse();
        assertThat(text.toString()).contains("FAIL  the node fell back to SHARED isolation: " + why);
    }

    @Test
    void processIsolationOnSimulatedGpusIsNotEnough() {
        boolean passed = IsolationStep.run(node(Isolation.PROCESS, "executor process per GPU actor; no MPS: "
            + "simulated GPUs", true), 0, () -> NO_CLIENTS, report.step(2, "isolation"));

        assertThat(passed).isFalse();
        assertThat(text.toString()).contains("FAIL  the node offers a simulated GPU 0; it found 1 GPU");
    }
}
