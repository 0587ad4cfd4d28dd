package io.prism.runtime.node;

import com.typesafe.config.ConfigFactory;
import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.function.ActorCtor0;
import io.prism.function.ActorFunc1;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import io.prism.runtime.serialization.WirePayload;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an executor runs besides its actor so that its actor starts and answers sooner: once per class path, a
 * rehearsal of a whole executor life whose loaded classes become the class archive ({@link ExecutorClassArchive});
 * and in every executor, one call of a small actor while it waits for its real one.
 */
final class ExecutorWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorWarmUp.class);

    /** Long enough for a rehearsal on a loaded machine; one that takes longer leaves no archive. */
    private static final long REHEARSAL_TIMEOUT_SECONDS = 120;

    private ExecutorWarmUp() {
    }

    /** The actor a rehearsal hosts, and every executor once while it waits for its real one. */
    public static final class WarmUp {
        public WarmUp() {
        }

        public Long echo(Long value) {
            return value;
        }
    }

    private static final ActorFunc1<WarmUp, Long, Long> ECHO = WarmUp::echo;
    private static final Long ECHOED = 7L;

    private static ActorSpec spec() {
        return new ActorSpec(ActorId.random(), null, WarmUp.class.getName(),
            MethodRefs.constructor((ActorCtor0<WarmUp>) WarmUp::new), new Object[0], ResourceShape.cpuOnly(0),
            PlacementStrategy.PACK, 0, 1, Duration.ofSeconds(10), WarmUp.class);
    }

    /**
     * Lives an executor's life in this JVM, as far as its first answered call and its stop: a stand-in node agent in
     * a second actor system sees it report, gives it an actor on a simulated GPU, calls the actor over remoting and
     * stops it. Every class a real executor loads on that way (the association and handshake with its agent, the
     * wire, the host, a GPU context) is then loaded, so the archive made from this JVM holds them all; a bare start
     * and stop leaves out about 500 of them.
     *
     * @return whether the actor answered its call and the executor stopped, in time
     */
    static boolean rehearse(ExecutorConfig.Loaded executorConfig) throws Exception {
        // the two systems' connections break when the rehearsal ends, which Pekko warns of: nothing to report
        ExecutorConfig.Loaded config = executorConfig.under(ConfigFactory.parseMap(Map.of("pekko.loglevel", "ERROR")));
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        ActorSystem<PrismMessage> agent = ActorSystem.create(standInAgent(answered), "prism", config.bootstrap());
        try {
            ActorSystem<Void> executor = ExecutorMain.start(
                ActorRefResolver.get(agent).toSerializationFormat(agent), "rehearsal", config);
            executor.getWhenTerminated().toCompletableFuture().get(REHEARSAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return answered.getNow(false);
        } catch (TimeoutException e) {
            LOG.warn("executor rehearsal did not finish within {} s", REHEARSAL_TIMEOUT_SECONDS);
            return false;
        } finally {
            agent.terminate();
            agent.getWhenTerminated().toCompletableFuture().get(REHEARSAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A node agent's side of one executor: host the warm-up actor, call it once as a remote caller does, stop it. */
    private static Behavior<PrismMessage> standInAgent(CompletableFuture<Boolean> answered) {
        return Behaviors.setup(ctx -> {
            AllocationKey key = new AllocationKey(ActorId.random(), 0);
            GpuDevice gpu = GpuDevice.simulated(0, 1L << 30);
            ActorPlacement placement = new ActorPlacement("rehearsal", List.of(0), 100, 1L << 20, 0,
                Isolation.PROCESS, 0);
            AtomicReference<ActorRef<ExecutorGuardian.Command>> executor = new AtomicReference<>();
            return Behaviors.receive(PrismMessage.class)
                .onMessage(NodeAgent.ExecutorUp.class, up -> {
                    executor.set(up.executor());
                    up.executor().tell(new ExecutorGuardian.HostActor(key, spec(), gpu, placement));
                    return Behaviors.same();
                })
                .onMessage(NodeAgent.HostStarted.class, started -> {
                    started.host().tell(new Invoke(1, MethodRefs.method(ECHO), null,
                        PrismKryo.get(ctx.getSystem()).encode(new Object[] {ECHOED}), ctx.getSelf().narrow()));
                    return Behaviors.same();
                })
                .onMessage(Reply.Ok.class, ok -> stop(ctx, executor.get(), null, answered,
                    ok.value() instanceof WirePayload echoed
                        && ECHOED.equals(PrismKryo.get(ctx.getSystem()).decode(echoed))))
                .onMessage(Reply.Failed.class, f -> stop(ctx, executor.get(), f.error(), answered, false))
                .onMessage(NodeAgent.HostStartFailed.class, f -> stop(ctx, executor.get(), f.error(), answered, false))
                .onMessage(NodeAgent.HostDied.class, d -> stop(ctx, executor.get(), d.error(), answered, false))
                .build();
        });
    }

    private static Behavior<PrismMessage> stop(ActorContext<PrismMessage> ctx,
                                               ActorRef<ExecutorGuardian.Command> executor, ErrorInfo error,
                                               CompletableFuture<Boolean> answered, boolean ok) {
        if (error != null) {
            ctx.getLog().warn("executor rehearsal: {}", error.describe());
        }
        answered.complete(ok);
        executor.tell(new ExecutorGuardian.StopHost());
        return Behaviors.same();
    }

    /** Loads and registers the wire's classes by sending typical values through it. */
    static void wire(ActorSystem<Void> system) {
        PrismKryo wire = PrismKryo.get(system);
        wire.decode(wire.encode(new Object[] {"warm-up", 1, 1.0f, new float[] {1}}));
    }

    /**
     * Readies an executor for its actor's first call: hosts a small actor, calls it once as a caller would
     * (dispatcher threads, method handles) and stops it.
     */
    static void hostOnce(ActorSystem<Void> system) {
        system.systemActorOf(hostOnce(), "warm-up", Props.empty());
    }

    private static Behavior<Reply> hostOnce() {
        return Behaviors.setup(ctx -> {
            ActorRef<Reply> self = ctx.getSelf();
            ActorHost.Listener listener = new ActorHost.Listener() {
                @Override
                public void started(ActorRef<Invoke> host) {
                    host.tell(new Invoke(1, MethodRefs.method(ECHO), new Object[] {ECHOED}, self));
                }

                @Override
                public void startFailed(ErrorInfo error) {
                    LOG.warn("executor warm-up: {}", error.describe());
                }

                @Override
                public void died(ErrorInfo error, boolean gpuFault) {
                    LOG.warn("executor warm-up: {}", error.describe());
                }
            };
            ActorRef<PrismMessage> host = ctx.spawn(ActorHost.create(spec(), WarmUp.class, null, listener,
                ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig("prism-concurrent-dispatcher"))),
                "host", DispatcherSelector.fromConfig("prism-actor-dispatcher"));
            return Behaviors.receive(Reply.class).onAnyMessage(r -> {
                ctx.stop(host);
                return Behaviors.stopped();
            }).build();
        });
    }
}
