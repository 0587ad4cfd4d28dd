package io.prism.worker.node;

import io.prism.worker.CliTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code head} and {@code worker} refuse before they start anything, and the configuration they pass on. */
class NodeCommandsTest extends CliTest {
    @Test
    void aWorkerNeedsToKnowWhomToJoin() {
        assertThat(run("worker", "--gpus", "sim:1x16GiB")).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required option: '--join=HOST:PORT'");
    }

    @Test
    void outOfRangePortsAndCpusAreUsageErrorsNamingTheValue() {
        assertThat(run("head", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port 70000: must be 0 (any free port) to 65535");

        assertThat(run("worker", "--join", "127.0.0.1:2552", "--cpus", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--cpus 0: a node offers at least 1 CPU");
    }

    @Test
    void anUnusableGpuSpecFailsWithOneLineBeforeJoiningAnything() {
        assertThat(run("worker", "--join", "127.0.0.1:2552", "--gpus", "sim:lots")).isEqualTo(1);

        assertThat(err.toString().strip()).startsWith("prism worker: ").contains("sim:lots").doesNotContain("\n");
    }

    @Test
    void optionsBecomeConfigurationWithEachLabelAsOneKey() {
        NodeOptions options = new NodeOptions();
        new CommandLine(options).parseArgs("--host", "10.0.0.7", "--gpus", "sim:2x16GiB", "--cpus", "8",
            "--label", "gpu-model=H100", "--label", "topology.zone=eu-1", "--prestart", "0.25,0.5");

        Map<String, Object> overrides = options.overrides(0);

        assertThat(overrides).containsEntry("pekko.remote.artery.canonical.hostname", "10.0.0.7")
            .containsEntry("pekko.remote.artery.canonical.port", 0)
            .containsEntry("prism.gpus", "sim:2x16GiB")
            .containsEntry("prism.cpus", 8)
            .containsEntry("prism.labels.gpu-model", "H100")
            .containsEntry("prism.labels.\"topology.zone\"", "eu-1")
            .containsEntry("prism.executor.prestart", "0.25,0.5");
        assertThat(options.offersResources()).isTrue();
    }

    @Test
    void aHeadHostsActorsOnlyWhenGivenGpusOrCpus() {
        assertThat(parse().offersResources()).isFalse();
        assertThat(parse("--gpus", "none").offersResources()).isFalse();
        assertThat(parse("--gpus", "sim:1x16GiB").offersResources()).isTrue();
        assertThat(parse("--gpus", "none", "--cpus", "2").offersResources()).isTrue();
    }

    private static NodeOptions parse(String... args) {
        NodeOptions options = new NodeOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
