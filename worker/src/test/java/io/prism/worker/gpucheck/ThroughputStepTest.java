package io.prism.worker.gpucheck;

import io.prism.worker.demo.Latencies;
import io.prism.worker.demo.PipelinedLoad;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputStepTest {
    private static final long MS = 1_000_000;

    /** {@code calls} calls in {@code seconds}, 99 of each 100 taking {@code typicalMs} and the rest {@code slowMs}. */
    private static PipelinedLoad.Result result(int calls, double seconds, long typicalMs, long slowMs) {
        long[] latencies = new long[calls];
        Arrays.fill(latencies, typicalMs * MS);
        for (int i = 0; i < calls; i += 50) {
            latencies[i] = slowMs * MS;
        }
        return new PipelinedLoad.Result(calls, (long) (seconds * 1e9), new Latencies(latencies), 0, null);
    }

    @Test
    void theTableShowsBothRunsPerActorAndTheRatios() {
        ThroughputStep.Run alone = new ThroughputStep.Run("alone (fraud-1)", 1, result(2_000, 1.0, 1, 2));
        ThroughputStep.Run together = new ThroughputStep.Run("together (all 4)", 4, result(8_000, 2.5, 2, 5));

        List<String> lines = ThroughputStep.table(alone, together);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("run +calls +calls/s per actor +transactions/s +p50 +p99");
        assertThat(lines.get(1)).matches("alone \\(fraud-1\\) +2,000 +2,000 +2,048,000 +1\\.00 ms +2\\.00 ms");
        assertThat(lines.get(2)).matches("together \\(all 4\\) +8,000 +800 +3,276,800 +2\\.00 ms +5\\.00 ms");
        assertThat(lines.get(3)).isEqualTo("together / alone: 0.40× the calls/s per actor, 1.60× in total, 2.50× "
            + "the p99 latency");
    }
}
