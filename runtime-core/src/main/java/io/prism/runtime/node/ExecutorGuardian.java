package io.prism.runtime.node;

import io.prism.ActorPlacement;
import io.prism.resources.context.CloseableGpuContext;
import io.prism.resources.context.GpuContexts;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.PrismMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * The top actor of an executor process: tells its node agent it is up, hosts the one actor incarnation the agent
 * sends it, relays what the host reports, and ends the process when the host stops or the agent is gone.
 */
public final class ExecutorGuardian {

    /** What a node agent tells its executor. */
    public sealed interface Command extends PrismMessage {
    }

    /**
     * Host {@code spec} on {@code device}, with the share the resource manager reserved.
     *
     * @param device the GPU as the worker sees it; the executor opens it by its ordinal among the GPUs the
     *               process was given ({@code CUDA_VISIBLE_DEVICES}), which is 0
     */
    public record HostActor(AllocationKey key, ActorSpec spec, GpuDevice device, ActorPlacement placement)
        implements Command {
    }

    /** Stop the actor for good; the process exits once it is gone. */
    public record StopHost() implements Command {
    }

    /** The actor has a new incarnation elsewhere: answer later calls with MOVED until the process is stopped. */
    public record RetireHost() implements Command {
    }

    private record AgentGone() implements Command {
    }

    private record HostGone() implements Command {
    }

    private ExecutorGuardian() {
    }

    /** @param launchId how the agent knows this process before it hosts anything (it may start as a spare) */
    static Behavior<Command> create(ActorRef<NodeAgent.Command> agent, String launchId) {
        return Behaviors.setup(ctx -> {
            ctx.watchWith(agent, new AgentGone());
            agent.tell(new NodeAgent.ExecutorUp(launchId, ctx.getSelf(), ProcessHandle.current().pid(),
                mpsEnvironment()));
            return awaitingActor(ctx, agent);
        });
    }

    private static Behavior<Command> awaitingActor(ActorContext<Command> ctx, ActorRef<NodeAgent.Command> agent) {
        return Behaviors.receive(Command.class)
            .onMessage(HostActor.class, h -> host(ctx, agent, h.key(), h))
            .onMessage(StopHost.class, s -> Behaviors.stopped())
            .onMessage(AgentGone.class, g -> agentGone(ctx))
            .onAnyMessage(m -> Behaviors.same())
            .build();
    }

    private static Behavior<Command> host(ActorContext<Command> ctx, ActorRef<NodeAgent.Command> agent,
                                          AllocationKey key, HostActor h) {
        ActorSpec spec = h.spec();
        Class<?> actorClass;
        CloseableGpuContext gpu;
        try {
            actorClass = Class.forName(spec.className(), false, ExecutorGuardian.class.getClassLoader());
            gpu = h.device() == null ? null : GpuContexts.forDevice(deviceInThisProcess(h.device()),
                h.placement().fraction(), h.placement().memoryBytes(), spec.describe());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            agent.tell(new NodeAgent.HostStartFailed(key, ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED,
                e instanceof ClassNotFoundException
                    ? spec.className() + " is not on the class path of the executor process: put the jar with the "
                        + "actor classes on the worker's class path"
                    : "executor for " + spec.describe() + " could not open its GPU: " + e)));
            return Behaviors.stopped();
        }
        ActorHost.Listener listener = new ActorHost.Listener() {
            @Override
            public void started(ActorRef<Invoke> host) {
                agent.tell(new NodeAgent.HostStarted(key, host, ProcessHandle.current().pid()));
            }

            @Override
            public void startFailed(ErrorInfo error) {
                agent.tell(new NodeAgent.HostStartFailed(key, error));
            }

            @Override
            public void died(ErrorInfo error, boolean gpuFault) {
                agent.tell(new NodeAgent.HostDied(key, error, gpuFault));
            }
        };
        Executor pool = ctx.getSystem().dispatchers()
            .lookup(DispatcherSelector.fromConfig("prism-concurrent-dispatcher"));
        ActorRef<PrismMessage> host = ctx.spawn(ActorHost.create(spec, actorClass, gpu, listener, pool), "actor",
            DispatcherSelector.fromConfig("prism-actor-dispatcher"));
        ctx.watchWith(host, new HostGone());
        return Behaviors.receive(Command.class)
            .onMessage(StopHost.class, s -> {
                ctx.stop(host);
                return Behaviors.same();
            })
            .onMessage(RetireHost.class, r -> {
                host.tell(new ActorHost.Retire());
                return Behaviors.same();
            })
            .onMessage(HostGone.class, g -> Behaviors.stopped())
            .onMessage(AgentGone.class, g -> agentGone(ctx))
            .onAnyMessage(m -> Behaviors.same())
            .build();
    }

    /**
     * The watch says the agent is gone; a long pause of the worker (GC) can say so too, while the worker lives. The
     * worker's pipe is what ends the process (see ExecutorMain); here it is only logged.
     */
    private static Behavior<Command> agentGone(ActorContext<Command> ctx) {
        ctx.getLog().warn("the worker's node agent looks unreachable; exiting only if its pipe closes");
        return Behaviors.same();
    }

    /** The process sees only its own GPU, as device 0; a simulated GPU has no such selection. */
    private static GpuDevice deviceInThisProcess(GpuDevice device) {
        if (device.simulated() || System.getenv("CUDA_VISIBLE_DEVICES") == null) {
            return device;
        }
        return new GpuDevice(0, device.uuid(), device.name(), device.totalMemory(), device.smCount(), false);
    }

    /** The CUDA and MPS settings this process was started with, so the agent (and status) can show them. */
    static Map<String, String> mpsEnvironment() {
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CUDA_")) {
                env.put(k, v);
            }
        });
        return env;
    }
}
