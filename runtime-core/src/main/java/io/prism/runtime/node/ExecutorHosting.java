package io.prism.runtime.node;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.mps.MpsClientEnvironment;
import io.prism.resources.mps.MpsLimits;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ErrorInfo;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node agent's side of executor processes: starts one per GPU actor incarnation with its share in the
 * environment, hands it its actor once it is up, stops it, and kills one that overstays. A JVM with Pekko takes a
 * second or more to start, so after each start it keeps spare executors ready with the same environment (an MPS
 * client's share is fixed when its process starts): the next actor of that shape on that GPU skips the start. The
 * agent keeps the bookkeeping of incarnations ({@link NodeAgent.Hosted}); this class owns the processes, always
 * acting on the agent's thread.
 */
final class ExecutorHosting {

    /** One executor process: a spare while {@code key} is null, else the host of that incarnation. */
    static final class Launch {
        final String id;
        final Map<String, String> environment;
        Process process;
        ActorRef<ExecutorGuardian.Command> executor;
        AllocationKey key;

        Launch(String id, Map<String, String> environment) {
            this.id = id;
            this.environment = environment;
        }
    }

    private final ActorContext<NodeAgent.Command> agent;
    private final ExecutorProcesses launcher;
    /** Executors one real GPU may have, hosting or spare: each is an MPS client ({@link MpsLimits}). */
    private final int maxClientsPerGpu;
    /** The node's MPS daemon pipe, or null when no daemon runs (simulated GPUs). */
    private final Path mpsPipe;
    private final String agentPath;
    private final Map<String, Launch> launches = new HashMap<>();
    /** Spares by environment, least recently used first. */
    private final Map<Map<String, String>, Deque<Launch>> spares = new LinkedHashMap<>(16, 0.75f, true);
    /** The GPU index of each environment made for an executor. */
    private final Map<Map<String, String>, Integer> gpuOf = new HashMap<>();
    private int spareCount;
    private long launched;

    /** @param maxClientsPerGpu executors one real GPU may have, hosting or spare ({@link MpsLimits}) */
    ExecutorHosting(ActorContext<NodeAgent.Command> agent, ExecutorProcesses launcher, Path mpsPipe,
                    int maxClientsPerGpu) {
        this.agent = agent;
        this.launcher = launcher;
        this.maxClientsPerGpu = maxClientsPerGpu;
        this.mpsPipe = mpsPipe;
        this.agentPath = ActorRefResolver.get(agent.getSystem()).toSerializationFormat(agent.getSelf());
    }

    /**
     * Gives {@code h}'s incarnation an executor on {@code device}: a ready or starting spare of the same
     * environment, else a new process; then tops the spares of that environment up again.
     */
    void start(AllocationKey key, NodeAgent.Hosted h, GpuDevice device) throws IOException {
        Allocation a = h.start.allocation();
        Map<String, String> env = environment(device, a.unitsPerGpu(), a.memoryPerGpu());
        Launch launch = takeSpare(env);
        if (launch == null) {
            makeRoomForClient(env);
            launch = launch(env, false);
        }
        launch.key = key;
        h.launch = launch;
        if (launch.executor != null) {
            launch.executor.tell(new ExecutorGuardian.HostActor(key, h.start.spec(), device, h.start.placement()));
        }
        agent.scheduleOnce(launcher.settings().startTimeout(), agent.getSelf(), new NodeAgent.ExecutorOverdue(key, false));
    }

    /**
     * {@code h}'s actor is up: now start the spares of its shape. Not earlier: a JVM start takes a core for a second
     * or more, and would slow down the start it is meant to spare the next actor.
     */
    void started(NodeAgent.Hosted h) {
        topUp(h.launch.environment);
    }

    private Launch launch(Map<String, String> env, boolean spare) throws IOException {
        Launch launch = new Launch("x" + (++launched), env);
        launch.process = launcher.launch(launch.id, agentPath, env, spare);
        launches.put(launch.id, launch);
        ActorRef<NodeAgent.Command> self = agent.getSelf();
        String id = launch.id;
        launch.process.onExit().thenAccept(p -> self.tell(new NodeAgent.ExecutorExited(id, p.exitValue())));
        return launch;
    }

    private Launch takeSpare(Map<String, String> env) {
        Deque<Launch> ready = spares.get(env);
        if (ready == null || ready.isEmpty()) {
            return null;
        }
        // a spare that died is forgotten here, before its exit is reported
        ready.removeIf(l -> {
            boolean dead = !l.process.isAlive();
            spareCount -= dead ? 1 : 0;
            return dead;
        });
        // prefer one that is up already
        for (Iterator<Launch> it = ready.iterator(); it.hasNext(); ) {
            Launch l = it.next();
            if (l.executor != null) {
                it.remove();
                spareCount--;
                return l;
            }
        }
        Launch starting = ready.pollFirst();
        spareCount -= starting == null ? 0 : 1;
        return starting;
    }

    /**
     * The node starts: one spare for each share of {@code prism.executor.prestart} on each GPU, up to the cap on
     * spares ({@code max-spares}). Taken spares are replaced as any are ({@code spares-per-shape}).
     */
    void prestart(List<GpuDevice> devices) {
        List<ResourceShape> shapes = launcher.settings().prestart();
        for (GpuDevice device : devices) {
            for (ResourceShape shape : shapes) {
                if (spareCount >= launcher.settings().maxSpares()) {
                    agent.getLog().warn("prism.executor.prestart asks for {} spare executors ({} shares on {} GPUs); "
                        + "prism.executor.max-spares = {} of them were started", shapes.size() * devices.size(),
                        shapes.size(), devices.size(), launcher.settings().maxSpares());
                    return;
                }
                Map<String, String> env;
                try {
                    env = environment(device, shape.unitsPerGpu(), shape.memoryOn(device));
                } catch (RuntimeException e) {
                    // a share this GPU cannot give a process (less than a MiB of memory): no spare, the node runs on
                    agent.getLog().warn("no prestarted executor of {} on GPU {}: {}", shape.describeGpu(),
                        device.index(), e.getMessage());
                    continue;
                }
                if (!roomForSpare(env)) {
                    continue;
                }
                Deque<Launch> ready = spares.computeIfAbsent(env, e -> new ArrayDeque<>());
                if (ready.isEmpty() && !addSpare(ready, env)) {
                    return;
                }
            }
        }
    }

    /** Starts spares of {@code env} up to the configured number, dropping the least recently used beyond the cap. */
    private void topUp(Map<String, String> env) {
        int perShape = Math.min(launcher.settings().sparesPerShape(), launcher.settings().maxSpares());
        Deque<Launch> ready = spares.computeIfAbsent(env, e -> new ArrayDeque<>());
        while (ready.size() < perShape) {
            if (!roomForSpare(env) || !addSpare(ready, env)) {
                return;
            }
        }
        for (Iterator<Deque<Launch>> it = spares.values().iterator(); it.hasNext() && spareCount > launcher.settings()
            .maxSpares(); ) {
            Deque<Launch> oldest = it.next();
            while (!oldest.isEmpty() && spareCount > launcher.settings().maxSpares()) {
                oldest.pollFirst().process.destroyForcibly();
                spareCount--;
            }
        }
    }

    /** Starts a spare of {@code env} into {@code ready}; false (logged) when no process could be started. */
    private boolean addSpare(Deque<Launch> ready, Map<String, String> env) {
        try {
            ready.addLast(launch(env, true));
            spareCount++;
            return true;
        } catch (IOException e) {
            agent.getLog().warn("could not start a spare executor: {}", e.toString());
            return false;
        }
    }

    /**
     * Executors on {@code env}'s real GPU whose process has not exited, hosting or spare (killed ones too, until they
     * are gone): each is an MPS client there, a spare too, since it readies its CUDA context before its actor comes.
     * 0 for a simulated GPU.
     */
    private int mpsClientsOn(Map<String, String> env) {
        if (!ExecutorMain.CUDA.equals(env.get(ExecutorMain.GPU_ENV))) {
            return 0;
        }
        Integer gpu = gpuOf.get(env);
        return (int) launches.values().stream()
            .filter(l -> Objects.equals(gpu, gpuOf.get(l.environment)) && l.process.isAlive())
            .count();
    }

    /** Whether one more spare fits beside {@code env}'s GPU's executors within what MPS serves (debug-logged). */
    private boolean roomForSpare(Map<String, String> env) {
        int clients = mpsClientsOn(env);
        if (clients < maxClientsPerGpu) {
            return true;
        }
        agent.getLog().debug("no spare executor on GPU {}: it has {} executors, the most MPS clients one GPU serves "
            + "({})", gpuOf.get(env), clients, maxClientsPerGpu);
        return false;
    }

    /**
     * Before a new executor starts on a real GPU: spares of other shares there give up their place, least recently
     * used first, as far as needed to keep the GPU within the clients MPS serves (placement counts only actors). A
     * killed spare's connection closes with its process, long before the new JVM reaches CUDA (half a second).
     */
    private void makeRoomForClient(Map<String, String> env) {
        Integer gpu = gpuOf.get(env);
        int over = mpsClientsOn(env) - maxClientsPerGpu + 1;
        if (gpu != null && over > 0) {
            killSpares(gpu, over);
        }
    }

    /**
     * Kills the spares on GPU {@code gpu}, whose fault the agent is handling: on a real GPU each holds a context
     * there, which MPS makes wait for its clients to exit, and none may be handed to a restarted actor.
     */
    void killSpares(int gpu) {
        killSpares(gpu, Integer.MAX_VALUE);
    }

    /** Kills up to {@code count} running spares on GPU {@code gpu}, least recently used shapes first. */
    private void killSpares(int gpu, int count) {
        int left = count;
        for (Deque<Launch> ready : spares.values()) {
            for (Iterator<Launch> it = ready.iterator(); it.hasNext() && left > 0; ) {
                Launch spare = it.next();
                if (Objects.equals(gpuOf.get(spare.environment), gpu) && spare.process.isAlive()) {
                    it.remove();
                    spareCount--;
                    spare.process.destroyForcibly();
                    left--;
                }
            }
        }
    }

    /** The GPU of each spare process that has not exited: MPS clients too, on real GPUs ({@link MpsFaults}). */
    Map<Long, List<Integer>> spareGpus() {
        Map<Long, List<Integer>> gpus = new HashMap<>();
        spares.values().forEach(ready -> ready.forEach(spare -> {
            Integer gpu = gpuOf.get(spare.environment);
            if (gpu != null && spare.process.isAlive()) {
                gpus.put(spare.process.pid(), List.of(gpu));
            }
        }));
        return gpus;
    }

    /**
     * What an executor is started with: its SM share and memory limit for MPS, its GPU, the daemon's pipe, and on a
     * real GPU the word to ready CUDA before its actor comes.
     */
    private Map<String, String> environment(GpuDevice device, long units, long memoryBytes) {
        Map<String, String> env = new HashMap<>(MpsClientEnvironment.of(device, units, memoryBytes, mpsPipe).asMap());
        if (!device.simulated()) {
            env.put(ExecutorMain.GPU_ENV, ExecutorMain.CUDA);
        }
        Map<String, String> made = Map.copyOf(env);
        gpuOf.put(made, device.index());
        return made;
    }

    /**
     * An executor is up. A spare waits; one that was given an incarnation gets its actor (or is told to stop when
     * the actor was stopped meanwhile).
     */
    void up(NodeAgent.ExecutorUp up, Map<AllocationKey, NodeAgent.Hosted> hosted,
            java.util.function.Function<NodeAgent.Hosted, GpuDevice> device) {
        Launch launch = launches.get(up.launchId());
        if (launch == null) {
            return;
        }
        launch.executor = up.executor();
        NodeAgent.Hosted h = launch.key == null ? null : hosted.get(launch.key);
        if (h == null) {
            return;
        }
        if (h.stopping) {
            up.executor().tell(new ExecutorGuardian.StopHost());
        } else {
            up.executor().tell(new ExecutorGuardian.HostActor(launch.key, h.start.spec(), device.apply(h),
                h.start.placement()));
        }
    }

    /** The incarnation {@code launchId}'s process hosts, or null for a spare or a process already forgotten. */
    AllocationKey hostOf(String launchId) {
        Launch launch = launches.get(launchId);
        return launch == null ? null : launch.key;
    }

    /** A process exited: the incarnation it hosted, or null for a spare (which is forgotten). */
    AllocationKey exited(String launchId) {
        Launch launch = launches.remove(launchId);
        if (launch == null) {
            return null;
        }
        if (launch.key == null) {
            Deque<Launch> ready = spares.get(launch.environment);
            if (ready != null && ready.remove(launch)) {
                spareCount--;
            }
        }
        return launch.key;
    }

    /** Asks the executor to stop its actor (the process exits then); one that does not is killed. */
    void stop(AllocationKey key, NodeAgent.Hosted h) {
        h.stopping = true;
        if (h.launch.executor == null) {
            h.launch.process.destroyForcibly();
            return;
        }
        h.launch.executor.tell(new ExecutorGuardian.StopHost());
        killIfStillRunning(key);
    }

    /** The executor should exit on its own now; if it has not within the stop timeout, it is killed. */
    void killIfStillRunning(AllocationKey key) {
        agent.scheduleOnce(launcher.settings().stopTimeout(), agent.getSelf(), new NodeAgent.ExecutorOverdue(key, true));
    }

    /** The start or stop timeout of {@code h}'s executor passed. */
    void overdue(AllocationKey key, NodeAgent.Hosted h, boolean stopping) {
        if (!stopping && (h.host != null || h.stopping)) {
            return;
        }
        if (!stopping && h.startFailed == null) {
            h.startFailed = ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED, "the executor process of "
                + h.start.spec().describe() + " did not start within " + launcher.settings().startTimeout().toSeconds()
                + " s (see " + logFile(h) + ")");
        }
        h.launch.process.destroyForcibly();
    }

    /** Every executor and spare goes: the node stops. */
    void destroyAll() {
        launches.values().forEach(l -> l.process.destroyForcibly());
    }

    Path logFile(NodeAgent.Hosted h) {
        return launcher.logFile(h.launch.id);
    }
}
