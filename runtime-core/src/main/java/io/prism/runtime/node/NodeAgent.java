package io.prism.runtime.node;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.Isolation;
import io.prism.gpu.GpuContext;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.resources.context.GpuContexts;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import io.prism.resources.mps.MpsLimits;
import io.prism.resources.mps.MpsWatch;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One per node: registers the node's GPUs and CPUs with the resource manager, starts an {@link ActorHost} for
 * every actor placed here, and reports when hosts start, fail or stop. Its own ledger records what its hosts hold,
 * so the resource manager's view can be rebuilt from the agents.
 */
public final class NodeAgent extends AbstractBehavior<NodeAgent.Command> {

    public sealed interface Command extends PrismMessage {
    }

    /** Every node agent registers under this key, so a new resource manager (after failover) finds them all. */
    public static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "prism-node-agent");

    /** Start {@code spec}'s incarnation with what the resource manager reserved for it. */
    public record StartActor(ActorSpec spec, int incarnation, int restarts, Allocation allocation,
                             ActorPlacement placement) implements Command {
    }

    /** From a resource manager that has just started (failover): register again, with what this node hosts. */
    public record Reregister() implements Command {
    }

    /** From the node's shutdown: move this node's actors elsewhere, then complete {@code done}. */
    public record Drain(CompletableFuture<Void> done) implements Command, NoSerializationVerificationNeeded {
    }

    /** From the resource manager: this node takes no new actors and its actors have been placed elsewhere. */
    public record Drained() implements Command {
    }

    /** One incarnation this node hosts, as reported when it registers again. */
    public record HostedActor(ActorSpec spec, int incarnation, int restarts, Allocation allocation,
                              ActorPlacement placement, ActorRef<Invoke> host, long pid) implements PrismMessage {
    }

    /** Stop an incarnation for good; the agent answers with ActorStopped once it is gone. */
    public record StopActor(ActorId id, int incarnation) implements Command {
    }

    /** The resource manager took this node's registration. */
    public record Registered() implements Command {
    }

    /** From a host, in this JVM or an executor (process {@code pid}): its constructor returned. */
    record HostStarted(AllocationKey key, ActorRef<Invoke> host, long pid) implements Command {
    }

    /** From a host: its constructor threw (or its executor could not set it up). */
    record HostStartFailed(AllocationKey key, ErrorInfo error) implements Command {
    }

    /**
     * From a host: actor code threw an Error and the incarnation ends.
     *
     * @param gpuFault the error was a fatal GPU fault, which poisons every context on that GPU
     */
    record HostDied(AllocationKey key, ErrorInfo error, boolean gpuFault) implements Command {
    }

    private record HostTerminated(AllocationKey key) implements Command {
    }

    /** From an executor process that has started and waits for its actor. */
    public record ExecutorUp(String launchId, ActorRef<ExecutorGuardian.Command> executor, long pid,
                             Map<String, String> environment) implements Command {
    }

    record ExecutorExited(String launchId, int exitCode) implements Command {
    }

    /** An executor that should have reported by now (started) or exited by now (stopping). */
    record ExecutorOverdue(AllocationKey key, boolean stopping) implements Command {
    }

    /** Start the spares of {@code prism.executor.prestart}: the executors' class archive is ready. */
    record Prestart() implements Command {
    }

    /** What the node's MPS watch found, polled off this actor (the control program blocks). */
    public record MpsWatched(MpsWatch.Report report) implements Command {
    }

    /**
     * What a node offers, registered with the resource manager.
     *
     * @param isolationDetail what enforces GPU shares on this node, in words, for status
     */
    public record NodeInfo(String nodeId, String address, List<GpuDevice> devices, long cpuMillis,
                           Map<String, String> labels, Isolation isolation, String isolationDetail) {

        /** Every actor on a GPU of a process-isolated node is an MPS client, and MPS serves only so many. */
        public int maxActorsPerGpu() {
            return isolation == Isolation.PROCESS ? MpsLimits.MAX_CLIENTS_PER_GPU : GpuLedger.UNLIMITED;
        }
    }

    /** How long an executor's exit waits for the report it sent just before it (see onExecutorExited). */
    private static final Duration LATE_REPORT = Duration.ofSeconds(1);

    /** The node label that says a node runs GPU actors in executor processes; {@code isolation(PROCESS)} needs it. */
    public static final String ISOLATION_LABEL = "prism.isolation";
    public static final String PROCESS_LABEL_VALUE = "process";

    /**
     * The isolation an actor holding {@code gpus} GPUs gets on a node: its own choice where it made one, else the
     * node's. An executor is an MPS client of one GPU, so an actor of several whole GPUs runs in the worker JVM.
     */
    public static Isolation isolationFor(ActorSpec spec, NodeInfo node, int gpus) {
        if (node.isolation() == Isolation.PROCESS && (spec.isolation() == Isolation.SHARED || gpus > 1)) {
            return Isolation.SHARED;
        }
        return node.isolation();
    }

    /** One incarnation this node hosts, in this JVM or in an executor process. */
    static final class Hosted {
        final StartActor start;
        ActorRef<Invoke> host;
        long pid;
        /** Its executor's exit was seen once and put off, waiting for a report still on its way. */
        boolean exitSeen;
        ErrorInfo died;
        ErrorInfo startFailed;
        /** The executor process hosting this incarnation, or null when it runs in this JVM. */
        ExecutorHosting.Launch launch;
        boolean stopping;

        Hosted(StartActor start) {
            this.start = start;
        }
    }

    private final NodeInfo node;
    /** Executor processes; null unless this node runs GPU actors under process isolation. */
    private final ExecutorHosting executors;
    private final ActorRef<ResourceManager.Command> manager;
    private final Runnable onRegistered;
    private final GpuLedger ledger;
    /** Real GPUs whose CUDA context this JVM readies at start and holds (shared isolation): see the constructor. */
    private final List<Integer> preparedGpus;
    private final Map<AllocationKey, Hosted> hosted = new HashMap<>();
    private final Executor concurrentPool;
    private CompletableFuture<Void> draining;
    /** Null unless this node runs an MPS daemon and watches it. */
    private final MpsWatch mpsWatch;
    /** When this node last stopped a GPU's actors for a fault (System.nanoTime), or null. */
    private Long lastGpuFault;

    public static Behavior<Command> create(NodeInfo node, NodeIsolation isolation,
                                           ActorRef<ResourceManager.Command> manager, Runnable onRegistered) {
        return Behaviors.setup(ctx -> new NodeAgent(ctx, node, isolation, manager, onRegistered));
    }

    private NodeAgent(ActorContext<Command> ctx, NodeInfo node, NodeIsolation isolation,
                      ActorRef<ResourceManager.Command> manager, Runnable onRegistered) {
        super(ctx);
        this.node = node;
        this.executors = isolation.launcher() == null ? null
            : new ExecutorHosting(ctx, isolation.launcher(), isolation.mpsPipe(),
            MpsLimits.MAX_CLIENTS_PER_GPU);
        this.manager = manager;
        this.onRegistered = onRegistered;
        this.ledger = new GpuLedger(node.devices(), node.cpuMillis(), node.maxActorsPerGpu());
        if (executors != null && !isolation.launcher().settings().prestart().isEmpty()) {
            // spares started while the class archive is being made would start without it, about twice as slowly,
            // and take the cores from the rehearsal that makes it
            ctx.pipeToSelf(isolation.launcher().classArchiveReady(), (done, error) -> new Prestart());
        }
        // Actors in this JVM share each GPU's primary context: made once now and kept, it spares every actor's start
        // the driver and the context (a tenth of a second), also after the GPU's last actor stopped.
        this.preparedGpus = node.isolation() == Isolation.SHARED
            ? node.devices().stream().filter(d -> !d.simulated()).map(GpuDevice::index).toList() : List.of();
        preparedGpus.forEach(GpuContexts::prepare);
        this.concurrentPool = ctx.getSystem().dispatchers()
            .lookup(DispatcherSelector.fromConfig("prism-concurrent-dispatcher"));
        ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, ctx.getSelf()));
        manager.tell(new ResourceManager.RegisterNode(node, ctx.getSelf(), List.of()));
        this.mpsWatch = isolation.mpsWatch();
        if (mpsWatch != null) {
            watchMps();
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
            .onMessage(Registered.class, r -> {
                onRegistered.run();
                return this;
            })
            .onMessage(Reregister.class, r -> {
                if (draining == null) {
                    manager.tell(new ResourceManager.RegisterNode(node, getContext().getSelf(), hostedActors()));
                }
                return this;
            })
            .onMessage(Drain.class, d -> {
                draining = d.done();
                manager.tell(new ResourceManager.DrainNode(node.nodeId(), getContext().getSelf()));
                return this;
            })
            .onMessage(Drained.class, d -> onDrained())
            .onMessage(StartActor.class, this::onStart)
            .onMessage(StopActor.class, this::onStop)
            .onMessage(HostStarted.class, this::onHostStarted)
            .onMessage(HostStartFailed.class, this::onHostStartFailed)
            .onMessage(HostDied.class, this::onHostDied)
            .onMessage(HostTerminated.class, t -> onHostGone(t.key(), null))
            .onMessage(ExecutorUp.class, this::onExecutorUp)
            .onMessage(ExecutorExited.class, this::onExecutorExited)
            .onMessage(Prestart.class, p -> {
                executors.prestart(node.devices());
                return this;
            })
            .onMessage(ExecutorOverdue.class, this::onExecutorOverdue)
            .onMessage(MpsWatched.class, this::onMpsWatched)
            .onSignal(PostStop.class, s -> {
                if (mpsWatch != null) {
                    mpsWatch.close();
                }
                // executors would exit on their own once this JVM is gone; a node that stops early takes them along
                if (executors != null) {
                    executors.destroyAll();
                }
                preparedGpus.forEach(GpuContexts::releasePrepared);
                return this;
            })
            .build();
    }

    private Behavior<Command> onStart(StartActor start) {
        ActorSpec spec = start.spec();
        AllocationKey key = new AllocationKey(spec.id(), start.incarnation());
        Class<?> actorClass;
        try {
            actorClass = spec.localClass() != null ? spec.localClass()
                : Class.forName(spec.className(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            manager.tell(new ResourceManager.ActorStartFailed(key, ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED,
                spec.className() + " is not on the class path of node " + node.nodeId()
                    + ": put the jar with the actor classes on every worker's class path")));
            return this;
        }
        Allocation a = start.allocation();
        GpuContext gpu;
        try {
            ledger.allocate(key, a.gpus(), a.unitsPerGpu(), a.memoryPerGpu(), a.cpuMillis());
        } catch (IllegalStateException e) {
            manager.tell(new ResourceManager.ActorStartFailed(key, ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED,
                "node " + node.nodeId() + " refused the placement of " + spec.describe() + ": " + e.getMessage())));
            return this;
        }
        if (start.placement().isolation() == Isolation.PROCESS) {
            return startExecutor(start, key);
        }
        try {
            gpu = a.gpus().isEmpty() ? null : GpuContexts.forDevice(ledger.device(a.gpus().get(0)),
                a.unitsPerGpu() / (double) GpuLedger.UNITS_PER_GPU, a.memoryPerGpu(), spec.describe());
        } catch (RuntimeException e) {
            ledger.release(key);
            manager.tell(new ResourceManager.ActorStartFailed(key, ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED, e)));
            return this;
        }
        ActorRef<Command> self = getContext().getSelf();
        ActorHost.Listener listener = new ActorHost.Listener() {
            @Override
            public void started(ActorRef<Invoke> host) {
                self.tell(new HostStarted(key, host, ProcessHandle.current().pid()));
            }

            @Override
            public void startFailed(ErrorInfo error) {
                self.tell(new HostStartFailed(key, error));
            }

            @Override
            public void died(ErrorInfo error, boolean gpuFault) {
                self.tell(new HostDied(key, error, gpuFault));
            }
        };
        ActorRef<PrismMessage> host = getContext().spawn(
            ActorHost.create(spec, actorClass, gpu, listener, concurrentPool),
            hostName(spec.id(), start.incarnation()),
            DispatcherSelector.fromConfig("prism-actor-dispatcher"));
        getContext().watchWith(host, new HostTerminated(key));
        hosted.put(key, new Hosted(start));
        return this;
    }

    private Behavior<Command> startExecutor(StartActor start, AllocationKey key) {
        Hosted h = new Hosted(start);
        try {
            executors.start(key, h, ledger.device(start.allocation().gpus().get(0)));
        } catch (IOException | RuntimeException e) {
            ledger.release(key);
            manager.tell(new ResourceManager.ActorStartFailed(key, ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED,
                "node " + node.nodeId() + " could not start an executor process for " + start.spec().describe()
                    + ": " + e)));
            return this;
        }
        hosted.put(key, h);
        return this;
    }

    private Behavior<Command> onExecutorUp(ExecutorUp up) {
        executors.up(up, hosted, h -> ledger.device(h.start.allocation().gpus().get(0)));
        return this;
    }

    /**
     * An executor process exited. One that exited by itself with code 0 reported why just before (its actor's
     * constructor threw, or actor code died): that report crosses the network while the exit is seen here at once,
     * so it gets a moment to arrive before the exit speaks for itself.
     */
    private Behavior<Command> onExecutorExited(ExecutorExited e) {
        AllocationKey key = executors.hostOf(e.launchId());
        Hosted h = key == null ? null : hosted.get(key);
        if (h != null && e.exitCode() == 0 && h.died == null && h.startFailed == null && !h.stopping
            && !h.exitSeen) {
            h.exitSeen = true;
            getContext().scheduleOnce(LATE_REPORT, getContext().getSelf(), e);
            return this;
        }
        key = executors.exited(e.launchId());
        return key == null ? this : onHostGone(key, e.exitCode());
    }

    private Behavior<Command> onExecutorOverdue(ExecutorOverdue o) {
        Hosted h = hosted.get(o.key());
        if (h != null && h.launch != null) {
            executors.overdue(o.key(), h, o.stopping());
        }
        return this;
    }

    /**
     * A fatal fault on a GPU poisons every CUDA context on it (under MPS the driver tells every client of that GPU
     * to exit), so the GPU is the fault domain: every actor on it stops and is restarted where it has restarts
     * left; actors on other GPUs go on.
     */
    private void gpuFaulted(AllocationKey faulted, Hosted source, ErrorInfo error) {
        int gpu = source.start.allocation().gpus().get(0);
        event("GPU " + gpu + " fault in " + source.start.spec().describe() + ": " + error.message()
            + "; stopping every actor on GPU " + gpu);
        stopGpu(gpu, faulted, "stopped because GPU " + gpu + " of node " + node.nodeId() + " faulted in "
            + source.start.spec().describe());
    }

    /** Something a person should see in status, e.g. a GPU fault that stopped actors. */
    private void event(String event) {
        getContext().getLog().warn("node {}: {}", node.nodeId(), event);
        manager.tell(new ResourceManager.NodeEvent(node.nodeId(), System.currentTimeMillis(), event));
    }

    /** Stops every actor on {@code gpu} but {@code spared} (whose own fault it was: it ends anyway). */
    private void stopGpu(int gpu, AllocationKey spared, String why) {
        lastGpuFault = System.nanoTime();
        if (executors != null) {
            executors.killSpares(gpu);
        }
        hosted.forEach((key, h) -> {
            if (key.equals(spared) || !h.start.allocation().gpus().contains(gpu)) {
                return;
            }
            if (h.died == null) {
                h.died = ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, why);
            }
            if (h.launch != null) {
                h.launch.process.destroyForcibly();
            } else {
                getContext().getChild(hostName(key.actor(), key.incarnation())).ifPresent(c -> getContext().stop(c));
            }
        });
    }

    /** The next look at the MPS daemon, one interval from now, on a thread that may block. */
    private void watchMps() {
        Executor later = CompletableFuture.delayedExecutor(mpsWatch.interval().toMillis(), TimeUnit.MILLISECONDS,
            getContext().getSystem().dispatchers().lookup(DispatcherSelector.blocking()));
        getContext().pipeToSelf(CompletableFuture.supplyAsync(mpsWatch::poll, later),
            (report, failure) -> new MpsWatched(report != null ? report : MpsWatch.Report.NONE));
    }

    /**
     * Faults that no call reported (an idle client's server in FAULT or gone, a dead daemon) as GPU faults. A server
     * in FAULT within three watch intervals of a GPU fault handled here is waiting for those clients to exit.
     */
    private Behavior<Command> onMpsWatched(MpsWatched watched) {
        boolean aftermath = mpsWatch != null && lastGpuFault != null
            && System.nanoTime() - lastGpuFault < 3 * mpsWatch.interval().toNanos();
        Map<Long, List<Integer>> clients = new HashMap<>(MpsFaults.clientGpus(hosted.values()));
        if (executors != null) {
            executors.spareGpus().forEach(clients::putIfAbsent);
        }
        for (MpsFaults.Stop stop : MpsFaults.of(watched.report(), clients, ledger.devices(), node.nodeId(),
            aftermath)) {
            event(stop.event());
            stop.gpus().forEach(gpu -> stopGpu(gpu, null, stop.why()));
        }
        if (mpsWatch != null) {
            watchMps();
        }
        return this;
    }

    private List<HostedActor> hostedActors() {
        List<HostedActor> list = new ArrayList<>();
        hosted.forEach((key, h) -> {
            StartActor s = h.start;
            list.add(new HostedActor(s.spec(), s.incarnation(), s.restarts(), s.allocation(), s.placement(), h.host,
                h.pid));
        });
        return list;
    }

    /**
     * Every actor of this node now has a new incarnation elsewhere. Hosts that run stay until the process exits,
     * answering calls with MOVED so callers that still hold this location resend to the new one; hosts still in
     * their constructor are stopped.
     */
    private Behavior<Command> onDrained() {
        hosted.forEach((key, h) -> {
            if (h.launch != null) {
                if (h.host == null) {
                    executors.stop(key, h);
                } else {
                    h.launch.executor.tell(new ExecutorGuardian.RetireHost());
                }
                return;
            }
            getContext().getChild(hostName(key.actor(), key.incarnation())).ifPresent(c -> {
                if (h.host == null) {
                    getContext().stop(c);
                } else {
                    c.unsafeUpcast().tell(new ActorHost.Retire());
                }
            });
        });
        if (draining != null) {
            draining.complete(null);
        }
        return this;
    }

    private Behavior<Command> onStop(StopActor stop) {
        AllocationKey key = new AllocationKey(stop.id(), stop.incarnation());
        Hosted h = hosted.get(key);
        if (h == null) {
            manager.tell(new ResourceManager.ActorStopped(key, null));
            return this;
        }
        if (h.launch != null) {
            executors.stop(key, h);
            return this;
        }
        // a host still in its constructor is stopped as soon as the constructor returns
        getContext().getChild(hostName(stop.id(), stop.incarnation())).ifPresent(c -> getContext().stop(c));
        return this;
    }

    private static String hostName(ActorId id, int incarnation) {
        return "actor-" + id + "-" + incarnation;
    }

    private Behavior<Command> onHostStarted(HostStarted s) {
        Hosted h = hosted.get(s.key());
        if (h != null && h.launch != null && !h.stopping && draining == null) {
            executors.started(h);
        }
        if (h != null) {
            h.host = s.host();
            h.pid = s.pid();
            manager.tell(new ResourceManager.ActorStarted(s.key(), s.host(), s.pid()));
        }
        return this;
    }

    private Behavior<Command> onHostStartFailed(HostStartFailed f) {
        Hosted h = hosted.get(f.key());
        if (h != null) {
            h.startFailed = f.error();
        }
        return this;
    }

    private Behavior<Command> onHostDied(HostDied d) {
        Hosted h = hosted.get(d.key());
        if (h != null) {
            h.died = d.error();
            if (h.launch != null) {
                // the executor exits once its host has stopped; one that hangs on a broken GPU is killed
                executors.killIfStillRunning(d.key());
            }
            if (d.gpuFault()) {
                gpuFaulted(d.key(), h, d.error());
            }
        }
        return this;
    }

    /** A host stopped, or the executor process that held it exited (with {@code exitCode}). */
    private Behavior<Command> onHostGone(AllocationKey key, Integer exitCode) {
        Hosted h = hosted.get(key);
        if (h != null && exitCode != null && h.died == null && h.startFailed == null && !h.stopping) {
            ErrorInfo lost = ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, "the executor process of "
                + h.start.spec().describe() + " exited with code " + exitCode + " (see "
                + executors.logFile(h) + ")");
            if (h.host == null) {
                h.startFailed = lost;
            } else {
                h.died = lost;
            }
        }
        hosted.remove(key);
        ledger.release(key);
        // reported after the release, so a restart placed on the share just freed finds it free here too
        if (h != null && h.startFailed != null) {
            manager.tell(new ResourceManager.ActorStartFailed(key, h.startFailed));
        } else if (h != null) {
            manager.tell(new ResourceManager.ActorStopped(key, h.died));
        }
        return this;
    }
}
