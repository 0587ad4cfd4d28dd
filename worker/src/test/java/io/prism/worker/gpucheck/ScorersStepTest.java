package io.prism.worker.gpucheck;

import io.prism.ActorPlacement;
import io.prism.Isolation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScorersStepTest {
    private static final long GIB = 1L << 30;

    private final StringWriter text = new StringWriter();
    private final CheckReport report = new CheckReport(new PrintWriter(text, true), 5);

    private static ScorersStep.Row row(int i, int gpu, Isolation isolation, long pid) {
        return new ScorersStep.Row("fraud-" + i, new ActorPlacement("node-1", List.of(gpu), 2_500, 20 * GIB, 0,
            isolation, 0), pid);
    }

    private static List<ScorersStep.Row> fourOnGpu0() {
        List<ScorersStep.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rows.add(row(i, 0, Isolation.PROCESS, 5000 + i));
        }
        return rows;
    }

    private boolean run(List<ScorersStep.Row> rows, Map<Long, List<Long>> clients) {
        return ScorersStep.run(rows, 0, new MpsClients(clients), report.step(3, "scorers"));
    }

    @Test
    void passesWhenEveryExecutorIsAClientOfTheDaemon() {
        boolean passed = run(fourOnGpu0(), Map.of(4242L, List.of(5001L, 5002L, 5003L, 5004L)));

        assertThat(passed).isTrue();
        assertThat(text.toString())
            .containsPattern("(?m)^   fraud-1 +0 +0\\.25 +20 GiB +PROCESS +5001 +4242$")
            .contains("MPS daemon: server 4242: clients 5001, 5002, 5003, 5004")
            .contains("PASS  4 actors on GPU 0, 4 executor processes, every one an MPS client");
    }

    @Test
    void anExecutorTheDaemonDoesNotListFailsNamingItsPid() {
        boolean passed = run(fourOnGpu0(), Map.of(4242L, List.of(5001L, 5002L, 5004L)));

        assertThat(passed).isFalse();
        assertThat(text.toString()).containsPattern("(?m)^   fraud-3 .* 5003 +none$")
            .contains("FAIL  executor pid [5003] not among the MPS daemon's clients");
    }

    @Test
    void noMpsServerAtAllFailsEveryPid() {
        assertThat(run(fourOnGpu0(), Map.of())).isFalse();

        assertThat(text.toString()).contains("MPS daemon: no MPS server runs")
            .contains("FAIL  executor pids [5001, 5002, 5003, 5004] not among the MPS daemon's clients");
    }

    @Test
    void anActorInTheWorkerJvmFails() {
        List<ScorersStep.Row> rows = fourOnGpu0();
        rows.set(1, row(2, 0, Isolation.SHARED, -1));

        assertThat(run(rows, Map.of(4242L, List.of(5001L, 5003L, 5004L)))).isFalse();

        assertThat(text.toString()).contains("FAIL  fraud-2 runs on GPU 0 with isolation SHARED; expected GPU 0 with "
            + "isolation PROCESS");
    }

    @Test
    void anActorOnAnotherGpuFails() {
        List<ScorersStep.Row> rows = fourOnGpu0();
        rows.set(3, row(4, 1, Isolation.PROCESS, 5004));

        assertThat(run(rows, Map.of(4242L, List.of(5001L, 5002L, 5003L, 5004L)))).isFalse();

        assertThat(text.toString()).contains("FAIL  fraud-4 runs on GPU 1");
    }
}
