package io.prism.worker.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prism.ActorHandle;
import io.prism.worker.PrismCli;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code prism status} against a running cluster: JSON for scripts from its own JVM, and the text table. */
@Order(Order.DEFAULT + 4)
class StatusTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();

    private static final List<ActorHandle<Probe>> CREATED = new ArrayList<>();
    private static String quartersNode;
    private static String bigNode;

    @BeforeAll
    static void placeActors() {
        TestCluster cluster = CLUSTER.cluster();
        for (int i = 0; i < 2; i++) {
            CREATED.add(cluster.driver.actor(Probe::new).name("status-quarter-" + i).create());
        }
        CREATED.add(cluster.driver.actor(Probe::new).gpu(0.6).name("status-big").create());
        quartersNode = CREATED.get(0).placement().node();
        bigNode = CREATED.get(2).placement().node();
    }

    @AfterAll
    static void killActors() {
        TestCluster.killAll(CREATED);
    }

    @Test
    void jsonListsNodesGpusWithTheirUsedUnitsAndActorsWithTheirNodes() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        PrismProcess status = PrismProcess.command(TestCluster.jvmSettings(), "status", "--json", "--address",
            cluster.head.address());

        int exit;
        try {
            exit = status.awaitExit(Duration.ofSeconds(60));
        } finally {
            status.kill();
        }
        assertThat(exit).as("exit code of status --json; output:%n%s", status.tail(40)).isZero();
        // the whole of stdout is one JSON document: nothing else may be printed there
        JsonNode json = new ObjectMapper().readTree(status.stdout());

        Map<String, JsonNode> nodes = new HashMap<>();
        json.get("nodes").forEach(n -> nodes.put(n.get("id").asText(), n));
        assertThat(nodes).as("nodes in %s", json).containsOnlyKeys(
            cluster.workers.get(0).nodeId(), cluster.workers.get(1).nodeId());
        for (PrismProcess worker : cluster.workers) {
            JsonNode node = nodes.get(worker.nodeId());
            assertThat(node.get("address").asText()).endsWith(worker.address());
            assertThat(node.get("state").asText()).isEqualTo("Up");
            assertThat(node.get("isolation").asText()).isEqualTo("SHARED");
            assertThat(node.get("gpus")).hasSize(1);
        }
        JsonNode quartersGpu = nodes.get(quartersNode).get("gpus").get(0);
        JsonNode bigGpu = nodes.get(bigNode).get("gpus").get(0);
        assertThat(bigNode).as("PACK puts the 0.6 actor where the two quarters leave no room").isNotEqualTo(quartersNode);
        assertThat(quartersGpu.get("usedUnits").asLong()).isEqualTo(5_000);
        assertThat(bigGpu.get("usedUnits").asLong()).isEqualTo(6_000);
        assertThat(bigGpu.get("actors")).hasSize(1);
        assertThat(bigGpu.get("actors").get(0).asText()).isEqualTo(CREATED.get(2).id().value());
        assertThat(quartersGpu.get("totalMemory").asLong()).isEqualTo(16L << 30);

        Map<String, JsonNode> actors = new HashMap<>();
        json.get("actors").forEach(a -> actors.put(a.get("name").asText(), a));
        assertThat(actors).containsKeys("status-quarter-0", "status-quarter-1", "status-big");
        assertThat(actors.get("status-quarter-0").get("state").asText()).isEqualTo("ALIVE");
        assertThat(actors.get("status-quarter-0").get("className").asText()).isEqualTo(Probe.class.getName());
        assertThat(actors.get("status-quarter-1").get("placement").get("node").asText()).isEqualTo(quartersNode);
        assertThat(actors.get("status-big").get("placement").get("node").asText()).isEqualTo(bigNode);
        assertThat(actors.get("status-big").get("placement").get("unitsPerGpu").asLong()).isEqualTo(6_000);
        assertThat(json.get("pending")).isEmpty();
    }

    @Test
    void textShowsEachGpuAsABarWithTheNamesOfItsActors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PrismCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("status", "--address", CLUSTER.cluster().head.address());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString())
            .containsPattern("Prism cluster at \\S+: 2 nodes, 2 GPUs \\(2 in use\\), \\d+ actors?, 0 pending")
            .containsPattern("(?m)^  " + quartersNode + " GPU 0  \\[#{12}\\.{12}\\] +50% +2 actors +8 GiB of 16 GiB$")
            .containsPattern("(?m)^    status-quarter-0, status-quarter-1$")
            .containsPattern("(?m)^  " + bigNode + " +\\S+ +Up +1 +0 of 2 +SHARED: in the worker JVM")
            .containsPattern("(?m)^  status-big +Probe +ALIVE +" + bigNode + " +0 +0\\.60 +9\\.6 GiB +0 +SHARED +\\d+$");
    }
}
