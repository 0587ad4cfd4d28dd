package io.prism.resources.mps;

import io.prism.Isolation;
import io.prism.resources.device.GpuDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The isolation a node really provides, decided once at start: whether its MPS daemon runs, and why not.
 *
 * <p>An MPS client that cannot reach a daemon runs without MPS and without any limit, silently; so {@code PROCESS} is
 * reported only after the daemon was started and answered. {@code AUTO} gives {@code PROCESS} where the node has real
 * GPUs and a verified daemon, else {@code SHARED}. {@code PROCESS} asked for but impossible falls back to
 * {@code SHARED} with a warning, or, when fallback is off, refuses to start. A node with no GPU at all provides
 * {@link Isolation#NONE}.
 *
 * @param requested  what the operator asked for
 * @param isolation  what the node provides: {@code PROCESS}, {@code SHARED} or {@code NONE}
 * @param outcome    whether MPS runs, or why not
 * @param reason     one line for the log and the status page; the daemon's log tail when it failed
 * @param controller the running daemon's controller, present exactly when {@code isolation} is {@code PROCESS}
 */
public record MpsStartup(IsolationMode requested, Isolation isolation, Outcome outcome, String reason,
                         Optional<MpsController> controller) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MpsStartup.class);

    /** Whether MPS runs, or why not. */
    public enum Outcome {
        /** The daemon started and answered: executors are MPS clients with enforced limits. */
        RUNNING,
        /** Isolation {@code shared} was asked for, so no daemon was started. */
        NOT_REQUESTED,
        /** The node has no real GPU (none, or simulated ones). */
        NO_GPU,
        /** {@code nvidia-cuda-mps-control} was not found. */
        BINARY_MISSING,
        /** The daemon failed to start, or did not answer. */
        DAEMON_FAILED
    }

    public MpsStartup {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(controller, "controller");
        if ((isolation == Isolation.PROCESS) != controller.isPresent() || (outcome == Outcome.RUNNING)
            != controller.isPresent()) {
            throw new IllegalArgumentException("isolation " + isolation + " with outcome " + outcome + " and "
                + (controller.isPresent() ? "a" : "no") + " running daemon: PROCESS needs a running daemon");
        }
    }

    /**
     * Decides the node's isolation and, where it is {@code PROCESS}, starts the daemon.
     *
     * @param requested what the operator asked for
     * @param fallback  whether {@code PROCESS} that cannot be had may become {@code SHARED} (with a warning)
     * @param devices   the node's GPUs as discovery found them
     * @param settings  how to run the daemon
     * @throws MpsException when {@code PROCESS} was asked for, cannot be had, and {@code fallback} is off
     */
    public static MpsStartup start(IsolationMode requested, boolean fallback, List<GpuDevice> devices,
                                   MpsSettings settings) {
        Isolation withoutMps = devices.isEmpty() ? Isolation.NONE : Isolation.SHARED;
        if (requested == IsolationMode.SHARED) {
            return new MpsStartup(requested, withoutMps, Outcome.NOT_REQUESTED, "isolation shared was asked for",
                Optional.empty());
        }
        if (devices.isEmpty() || devices.stream().allMatch(GpuDevice::simulated)) {
            String why = devices.isEmpty() ? "the node has no GPU" : "the node's GPUs are simulated";
            return without(requested, fallback, withoutMps, Outcome.NO_GPU, why + ", so there is nothing for MPS "
                + "to share");
        }
        if (MpsController.locate(settings).isEmpty()) {
            return without(requested, fallback, withoutMps, Outcome.BINARY_MISSING,
                MpsController.missingBinary(settings));
        }
        MpsController controller;
        try {
            controller = MpsController.create(settings);
            controller.start();
        } catch (MpsException e) {
            return without(requested, fallback, withoutMps, Outcome.DAEMON_FAILED, e.getMessage());
        }
        return new MpsStartup(requested, Isolation.PROCESS, Outcome.RUNNING, "MPS control daemon runs on "
            + settings.pipeDirectory(), Optional.of(controller));
    }

    private static MpsStartup without(IsolationMode requested, boolean fallback, Isolation isolation, Outcome outcome,
                                      String why) {
        if (requested == IsolationMode.PROCESS) {
            if (!fallback) {
                throw new MpsException("isolation process: MPS cannot run on this node: " + why + ". Use isolation "
                    + "shared or auto, or allow the fallback to shared");
            }
            LOG.warn("isolation process was asked for, but MPS cannot run: {}. Falling back to {}: GPU shares are "
                + "enforced by the ledger and memory budgets only, not by the driver", why, isolation);
        } else {
            LOG.info("isolation auto: {} without MPS ({})", isolation, why);
        }
        return new MpsStartup(requested, isolation, outcome, why, Optional.empty());
    }

    /** Whether the daemon runs, so executors can be MPS clients. */
    public boolean mpsRunning() {
        return controller.isPresent();
    }

    /** The daemon's {@code CUDA_MPS_PIPE_DIRECTORY}, present when it runs. */
    public Optional<Path> pipeDirectory() {
        return controller.map(MpsController::pipeDirectory);
    }

    /** Stops the daemon, if one was started. */
    @Override
    public void close() {
        controller.ifPresent(MpsController::close);
    }
}
