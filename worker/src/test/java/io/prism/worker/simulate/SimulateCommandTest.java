package io.prism.worker.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prism.worker.CliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest extends CliTest {
    @TempDir
    Path dir;

    @Test
    void printsOneRowPerPolicyWithTheGpusSaved() {
        assertThat(run("simulate", "--nodes", "2", "--gpus-per-node", "2", "--workload", "8x0.25,1x1")).isZero();

        String table = out.toString();
        assertThat(table).contains("cluster   2 nodes × 2 GPUs of 80 GiB (4 GPUs)",
            "workload  8x0.25,1x1, all at once: 9 actors, 9 events");
        assertThat(table.lines().filter(l -> l.startsWith("PACK")).findFirst().orElseThrow().split("\\s+"))
            .as("requested, placed, pending, waited, -, -, GPUs used, ⌈Σ⌉, ratio, whole-GPU, saving")
            .startsWith("PACK", "9", "9", "0", "0", "-", "-", "3", "3", "1.000", "9", "66.7%");
        assertThat(table.lines().filter(l -> l.startsWith("SPREAD")).findFirst().orElseThrow().split("\\s+"))
            .as("two quarters on each GPU leave none whole for the last actor")
            .startsWith("SPREAD", "9", "8", "1", "1", "0.00", "s", "0.00", "s", "4", "2", "2.000", "8", "50.0%");
    }

    @Test
    void jsonHasTheSameResults() throws IOException {
        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "2", "--gpu-memory", "16GiB", "--random", "50",
            "--mix", "0.5", "--policy", "pack", "--json")).isZero();

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.at("/cluster/gpuMemoryBytes").asLong()).isEqualTo(16L << 30);
        assertThat(doc.at("/workload/actors").asInt()).isEqualTo(50);
        assertThat(doc.get("results")).hasSize(1);
        JsonNode pack = doc.at("/results/0");
        assertThat(pack.get("policy").asText()).isEqualTo("PACK");
        assertThat(pack.get("placed").asInt()).isEqualTo(4);
        assertThat(pack.get("pending").asInt()).isEqualTo(46);
        assertThat(pack.get("gpusUsed").asInt()).isEqualTo(2);
        assertThat(pack.get("pendingThatFits").asInt()).isZero();
    }

    @Test
    void replaysATraceWithChurnOfItsOwn() throws IOException {
        Path trace = Files.writeString(dir.resolve("trace.csv"), """
            time,actor,event,gpus,memory
            0,a,arrive,0.75,
            1,b,arrive,0.5,
            4,a,depart,,
            """);

        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--trace", trace.toString(),
            "--policy", "PACK")).isZero();

        assertThat(out.toString().lines().filter(l -> l.startsWith("PACK")).findFirst().orElseThrow().split("\\s+"))
            .as("b waited 3 s for a to leave").startsWith("PACK", "2", "2", "0", "1", "3.00", "s", "3.00", "s", "1");
    }

    @Test
    void badInputIsAUsageErrorThatNamesTheValue() throws IOException {
        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--workload", "2x1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--workload \"2x1.5\": item \"2x1.5\": fractions above 1 must be whole "
            + "GPUs (use 1 or 2, or a value ≤ 1)");

        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--workload", "80x")).isEqualTo(2);
        assertThat(err.toString()).contains("the GPU share after \"x\" is missing");

        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--random", "5", "--policy", "best"))
            .isEqualTo(2);
        assertThat(err.toString()).contains("--policy best: unknown policy (use pack or spread");

        assertThat(run("simulate", "--nodes", "0", "--gpus-per-node", "8", "--random", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes 0: must be at least 1");

        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--workload", "1x0.5:100GiB"))
            .isEqualTo(2);
        assertThat(err.toString()).contains("needs 100 GiB of GPU memory on one GPU, but the largest GPU of the "
            + "cluster has 80 GiB");

        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("no workload: give exactly one of --workload SPEC, --random N or --trace");

        Path trace = Files.writeString(dir.resolve("bad.csv"), "0,a,arrive,0.5\n1,a,depart\n2,b,arrive,1.5\n");
        assertThat(run("simulate", "--nodes", "1", "--gpus-per-node", "1", "--trace", trace.toString()))
            .isEqualTo(2);
        assertThat(err.toString()).contains(trace + " line 3: fractions above 1 must be whole GPUs");
        assertThat(out.toString()).isEmpty();
    }
}
