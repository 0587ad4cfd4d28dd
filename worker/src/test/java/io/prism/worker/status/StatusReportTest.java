package io.prism.worker.status;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Isolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {
    private static final long GIB = 1L << 30;

    private static final ActorId A = new ActorId("a1");
    private static final ActorId B = new ActorId("b2");

    private static final Instant EVENT_TIME = Instant.parse("2026-11-25T14:03:07Z");

    private static ClusterState state() {
        ActorPlacement onGpu = new ActorPlacement("worker-1", List.of(0), 2_500, 4 * GIB, 0, Isolation.SHARED, 0);
        ClusterState.Node node = new ClusterState.Node("worker-1", "pekko://prism@127.0.0.1:40001", "Up", Isolation.SHARED,
            "in the worker JVM", 4, 0.5, List.of(new ClusterState.GpuState(0, "Simulated GPU", true, 16 * GIB, 5_000, 8 * GIB, List.of(A, B)),
                new ClusterState.GpuState(1, "Simulated GPU", true, 16 * GIB, 0, 0, List.of())));
        return new ClusterState(List.of(node),
            List.of(new ClusterState.Actor(A, "fraud-1", "io.prism.examples.fraud.FraudScorer", ActorState.ALIVE, onGpu, 0, 4242),
                new ClusterState.Actor(B, null, "io.prism.examples.fraud.FraudScorer", ActorState.ALIVE, onGpu, 2, 4243),
                new ClusterState.Actor(new ActorId("c3"), "gone", "x.Gone", ActorState.DEAD, null, 0, 0)),
            List.of(new ClusterState.Pending(new ActorId("d4"), "big-1", "x.Big", "no GPU has 0.8 free", 2_500)),
            List.of(new ClusterState.Event(EVENT_TIME.toEpochMilli(), "worker-1",
                "GPU 1 fault in Embedder (e5): CUDA_ERROR_ILLEGAL_ADDRESS; stopping every actor on GPU 1")));
    }

    @Test
    void showsNodesGpuBarsWithTheirActorsLiveActorsByNodeAndNameAndPendingRequests() {
        assertThat(StatusReport.lines("127.0.0.1:2552", state())).containsExactly(
            "Prism cluster at 127.0.0.1:2552: 1 node, 2 GPUs (1 in use), 2 actors, 1 pending",
            "",
            "Nodes",
            "  node      address          state  GPUs  CPUs used  isolation",
            "  worker-1  127.0.0.1:40001  Up        2   0.5 of 4  SHARED: in the worker JVM",
            "",
            "GPUs",
            "  GPU 0  [############............]   50%  2 actors  8 GiB of 16 GiB",
            "    fraud-1, b2",
            "  GPU 1  [........................]    0%  0 actors    0 B of 16 GiB",
            "",
            "Actors (1 dead actor not shown; --json lists them)",
            "  actor    class        state  node      GPU  fraction  memory  restarts  isolation   pid",
            "  b2       FraudScorer  ALIVE  worker-1    0      0.25   4 GiB         2  SHARED     4243",
            "  fraud-1  FraudScorer  ALIVE  worker-1    0      0.25   4 GiB         0  SHARED     4242",
            "",
            "Pending",
            "  actor  class  waiting  reason",
            "  big-1  Big      2.5 s  no GPU has 0.8 free",
            "",
            "Events",
            "  " + LocalTime.ofInstant(EVENT_TIME, ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                + "  worker-1  GPU 1 fault in Embedder (e5): CUDA_ERROR_ILLEGAL_ADDRESS; stopping every actor on GPU 1");
    }

    @Test
    void jsonIsTheStateFieldForFieldWithIdsAsStrings() {
        String json = StatusJson.of(state());

        assertThat(json).contains("\"actors\" : [ \"a1\", \"b2\" ]", "\"usedUnits\" : 5000",
            "\"address\" : \"pekko://prism@127.0.0.1:40001\"", "\"reason\" : \"no GPU has 0.8 free\"",
            "\"id\" : \"c3\"", "\"state\" : \"DEAD\"", "\"unitsPerGpu\" : 2500");
    }
}
