package io.prism.worker.node;

import com.typesafe.config.ConfigUtil;
import picocli.CommandLine;
import io.prism.resources.mps.IsolationMode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options {@code head} and {@code worker} share: where the node listens and what it offers for actors. */
final class NodeOptions {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
        description = "Address other nodes reach this one at (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--gpus", paramLabel = "SPEC",
        description = "GPUs offered for actors: auto (detect through CUDA), none, or sim:NxSIZE such as sim:2x16GiB.")
    String gpus;

    @Option(names = "--cpus", paramLabel = "N",
        description = "CPUs offered for scheduling actors (default: the number of processors).")
    Integer cpus;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
        description = "A label of this node, matched by actors' label constraints; repeatable (e.g. gpu-model=H100).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--isolation", paramLabel = "MODE",
        description = "How GPU actors' shares are enforced: auto (an executor process per GPU actor, an MPS client, "
            + "where the node has real GPUs and MPS runs; else in this JVM), process, or shared (in this JVM).")
    String isolation;

    @Option(names = "--prestart", paramLabel = "SHARES",
        description = "GPU shares that get an executor waiting on every GPU from the start, such as 0.25,0.5, so "
            + "the first actor of such a share starts in milliseconds (process isolation; about 100 MB each).")
    String prestart;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Whether a head offers anything for actors: only when given GPUs (other than none) or CPUs. */
    boolean offersResources() {
        return gpus != null && !"none".equals(gpus.strip()) || cpus != null;
    }

    /** Rejects values the runtime would only reject later, or not at all. */
    void check(CommandLine commandLine, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(commandLine, "--port " + port + ": must be 0 (any free port) to 65535");
        }
        if (cpus != null && cpus < 1) {
            throw new ParameterException(commandLine,
                "--cpus " + cpus + ": a node offers at least 1 CPU (leave --cpus out for the number of processors)");
        }
        if (isolation != null) {
            try {
                IsolationMode.parse(isolation);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--" + e.getMessage());
            }
        }
        labels.forEach((key, value) -> {
            if (key.isBlank()) {
                throw new ParameterException(commandLine,
                    "--label " + key + "=" + value + ": the key is empty (use KEY=VALUE, e.g. gpu-model=H100)");
            }
        });
    }

    /** The configuration these options set, as HOCON paths, for {@code PrismNode.start}. */
    Map<String, Object> overrides(int port) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("pekko.remote.artery.canonical.hostname", host);
        overrides.put("pekko.remote.artery.canonical.port", port);
        if (gpus != null) {
            overrides.put("prism.gpus", gpus.strip());
        }
        if (cpus != null) {
            overrides.put("prism.cpus", cpus);
        }
        if (isolation != null) {
            overrides.put("prism.isolation", isolation.strip());
        }
        if (prestart != null) {
            overrides.put("prism.executor.prestart", prestart.strip());
        }
        // quoted, so that a key such as "topology.zone" stays one label rather than a nested path
        labels.forEach((key, value) -> overrides.put(ConfigUtil.joinPath("prism", "labels", key), value));
        return overrides;
    }
}
