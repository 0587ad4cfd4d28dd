package io.prism.resources.mps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node runs its MPS control daemon.
 *
 * @param workDir                       the node's work directory; the daemon's pipes go to {@code <workDir>/mps/pipe}
 *                                      and its logs to {@code <workDir>/mps/log}, so nodes on one machine never share
 *                                      a daemon
 * @param binary                        {@code nvidia-cuda-mps-control}; empty: looked up on {@code PATH}
 * @param commandTimeout                how long one command sent to the daemon may take
 * @param startTimeout                  how long the daemon may take to start and answer
 * @param quitTimeout                   how long the daemon may take to exit after {@code quit}
 * @param defaultActiveThreadPercentage the daemon's default for its servers; a client's
 *                                      {@code CUDA_MPS_ACTIVE_THREAD_PERCENTAGE} can only lower it, so 100 lets
 *                                      each client's own share decide
 * @param environment                   extra variables for the daemon, e.g. {@code CUDA_VISIBLE_DEVICES} to serve
 *                                      only some GPUs
 */
public record MpsSettings(Path workDir, Optional<Path> binary, Duration commandTimeout, Duration startTimeout,
                          Duration quitTimeout, int defaultActiveThreadPercentage, Map<String, String> environment) {
    /** The control program's name, as NVIDIA ships it. */
    public static final String BINARY_NAME = "nvidia-cuda-mps-control";

    public MpsSettings {
        workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
        Objects.requireNonNull(binary, "binary");
        requirePositive("command timeout", commandTimeout);
        requirePositive("start timeout", startTimeout);
        requirePositive("quit timeout", quitTimeout);
        if (defaultActiveThreadPercentage < 1 || defaultActiveThreadPercentage > 100) {
            throw new IllegalArgumentException("MPS default active thread percentage " + defaultActiveThreadPercentage
                + " must be 1 to 100");
        }
        environment = Map.copyOf(environment);
    }

    /** The binary from {@code PATH}, commands answered within 5 s, start and quit within 10 s, default 100%. */
    public static MpsSettings defaults(Path workDir) {
        return new MpsSettings(workDir, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(10), 100, Map.of());
    }

    public MpsSettings withBinary(Path path) {
        return new MpsSettings(workDir, Optional.of(path), commandTimeout, startTimeout, quitTimeout,
            defaultActiveThreadPercentage, environment);
    }

    public MpsSettings withTimeouts(Duration command, Duration start, Duration quit) {
        return new MpsSettings(workDir, binary, command, start, quit, defaultActiveThreadPercentage, environment);
    }

    public MpsSettings withEnvironment(Map<String, String> variables) {
        return new MpsSettings(workDir, binary, commandTimeout, startTimeout, quitTimeout,
            defaultActiveThreadPercentage, variables);
    }

    /** {@code CUDA_MPS_PIPE_DIRECTORY}: the daemon's and its clients' named pipes and sockets. */
    public Path pipeDirectory() {
        return workDir.resolve("mps").resolve("pipe");
    }

    /** {@code CUDA_MPS_LOG_DIRECTORY}: {@code control.log} and {@code server.log}. */
    public Path logDirectory() {
        return workDir.resolve("mps").resolve("log");
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("MPS " + what + " " + value + " must be more than 0");
        }
    }
}
