package io.prism.runtime;

import com.typesafe.config.Config;
import io.prism.Isolation;
import io.prism.exception.PrismException;
import io.prism.resources.device.GpuDiscovery;
import io.prism.resources.mps.IsolationMode;
import io.prism.resources.mps.MpsStartup;
import io.prism.resources.mps.MpsException;
import io.prism.resources.mps.MpsSettings;
import io.prism.resources.mps.MpsWatch;
import io.prism.runtime.node.ExecutorLauncher;
import io.prism.runtime.node.NodeIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Decides, once per node, which isolation the node really provides, and starts what that needs: the MPS daemon
 * and the executor launcher. A node never claims enforcement it does not have: without a running, answering MPS
 * daemon a real GPU is not reported as driver-enforced.
 */
final class NodeIsolations {
    private static final Logger LOG = LoggerFactory.getLogger(NodeIsolations.class);
    /** What the node decided, and the daemon to stop when it exits (null when none was started). */
    record Decided(NodeIsolation isolation, MpsStartup mps) {
    }

    private NodeIsolations() {
    }

    static Decided decide(Config config, String nodeId, GpuDiscovery.Discovered gpus) {
        Decided decided = decideMode(config, nodeId, gpus);
        boolean prestart = !ExecutorLauncher.Settings.prestartShares(config.getConfig("prism.executor")).isEmpty();
        if (decided.isolation().mode() != Isolation.PROCESS && prestart) {
            LOG.warn("prism.executor.prestart is set, but node {} runs no executors ({}): no spare is started; "
                + "prestart needs isolation process (or auto on real GPUs with MPS)", nodeId,
                decided.isolation().detail());
        }
        return decided;
    }

    private static Decided decideMode(Config config, String nodeId, GpuDiscovery.Discovered gpus) {
        Config prism = config.getConfig("prism");
        IsolationMode wanted = IsolationMode.parse(prism.getString("isolation"));
        if (gpus.devices().isEmpty()) {
            return new Decided(NodeIsolation.shared(false, "no GPUs"), null);
        }
        if (wanted == IsolationMode.SHARED) {
            return new Decided(NodeIsolation.shared(true, "in the worker JVM: shares kept by the ledger and each "
                + "actor's GPU memory budget (isolation = shared)"), null);
        }
        ExecutorLauncher.Settings executors = ExecutorLauncher.Settings.from(prism, nodeId);
        if (gpus.simulated()) {
            if (wanted == IsolationMode.AUTO) {
                return new Decided(NodeIsolation.shared(true, "in the worker JVM (simulated GPUs)"), null);
            }
            return new Decided(new NodeIsolation(Isolation.PROCESS, "executor process per GPU actor; no MPS: "
                + "simulated GPUs, shares kept by the ledger and memory budgets",
                new ExecutorLauncher(executors, config), null, null), null);
        }
        Duration watchInterval = prism.getDuration("mps.watch-interval");
        if (watchInterval.isNegative()) {
            throw new PrismException("prism.mps.watch-interval = " + watchInterval.toMillis() + "ms: use a positive "
                + "interval such as 5s, or 0s to turn the MPS watch off");
        }
        MpsSettings settings = MpsSettings.defaults(executors.workDir());
        String control = prism.getString("mps.control");
        if (!control.equals(MpsSettings.BINARY_NAME)) {
            settings = settings.withBinary(Path.of(control));
        }
        MpsStartup mps;
        try {
            mps = MpsStartup.start(wanted, prism.getBoolean("mps.fallback-to-shared"), gpus.devices(), settings);
        } catch (MpsException e) {
            throw new PrismException(e.getMessage() + " (prism.mps.fallback-to-shared = false)", e);
        }
        if (!mps.mpsRunning()) {
            return new Decided(NodeIsolation.shared(true, "in the worker JVM: " + mps.reason()), null);
        }
        try {
            MpsWatch watch = watchInterval.isZero() ? null
                : new MpsWatch(mps.controller().orElseThrow(), watchInterval);
            return new Decided(new NodeIsolation(Isolation.PROCESS, "executor process per GPU actor, an MPS client "
                + "capped at its share by the driver (" + mps.reason() + ")",
                new ExecutorLauncher(executors, config), mps.pipeDirectory().orElseThrow(), watch), mps);
        } catch (RuntimeException e) {
            mps.close();
            throw e;
        }
    }

}
