package io.prism.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.prism.runtime.PrismConfigLoader;
import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.function.ActorCtor0;
import io.prism.function.ActorFunc1;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * The entry point of an executor process, started by a node agent for one GPU actor incarnation (see
 * {@link ExecutorLauncher}). It is a Pekko system with remoting but no cluster membership: joining the cluster would
 * cost seconds per executor and put hundreds of executors into the membership gossip, while callers only need to
 * reach its actor host. It lives exactly as long as its worker: when the worker's end of its standard input closes
 * (the worker exited, even by {@code kill -9}) it exits too, so no executor is ever orphaned.
 */
public final class ExecutorMain {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);

    /** Exit code when the worker went away; the worker is gone, so nobody reads it but a person debugging. */
    static final int EXIT_WORKER_GONE = 3;

    private ExecutorMain() {
    }

    /** First argument of a run that only starts and stops, so that its classes can be archived. */
    static final String WARM_UP = "--warm-up";

    /**
     * Arguments: the agent's actor path, the launch id the agent gave this process, the executor config file; or
     * {@value #WARM_UP} and the config file.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(WARM_UP)) {
            warmUp(new File(args[1]));
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: ExecutorMain <agent-path> <launch-id> <config-file>; "
                + "executors are started by a Prism worker, not by hand");
            System.exit(2);
        }
        exitWhenWorkerGone(System.in);
        Config config = config(new File(args[2]));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
            ActorRef<NodeAgent.Command> agent = ActorRefResolver.get(ctx.getSystem()).resolveActorRef(args[0]);
            ctx.watch(ctx.spawn(ExecutorGuardian.create(agent, args[1]), "executor"));
            // the executor's one actor is gone: so is the process
            return Behaviors.receive(Void.class).onSignal(Terminated.class, t -> Behaviors.stopped()).build();
        }), "prism", config);
        // a spare executor waits for its actor with the wire's classes loaded and registered already, and with an
        // actor host, its dispatcher's threads and a method handle call run once
        warmUpWire(system);
        system.systemActorOf(warmUpHost(), "warm-up", Props.empty());
        system.getWhenTerminated().toCompletableFuture().get();
        System.exit(0);
    }

    private static Config config(File fromWorker) {
        return PrismConfigLoader.load(Map.of(
            "pekko.actor.provider", "remote",
            "pekko.remote.warn-about-direct-use", "off",
            "pekko.remote.artery.canonical.port", 0,
            "pekko.coordinated-shutdown.exit-jvm", "off"), ConfigFactory.parseFile(fromWorker), false);
    }

    /** Starts and stops the system an executor runs, touching what a call touches, for the class archive. */
    private static void warmUp(File config) throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", config(config));
        warmUpWire(system);
        Class.forName(ActorHost.class.getName());
        Class.forName(ExecutorGuardian.class.getName());
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get();
        System.exit(0);
    }

    /** Loads and registers the wire's classes by sending typical values through it once. */
    private static void warmUpWire(ActorSystem<Void> system) {
        PrismKryo wire = PrismKryo.get(system);
        wire.decode(wire.encode(new Object[] {"warm-up", 1, 1.0f, new float[] {1}}));
    }

    /** The actor a spare executor runs once, so that the first real actor does not pay for first use. */
    public static final class WarmUp {
        public WarmUp() {
        }

        public Long echo(Long value) {
            return value;
        }
    }

    private static final ActorFunc1<WarmUp, Long, Long> ECHO = WarmUp::echo;

    /** Hosts a {@link WarmUp} actor, calls it once as a caller would, and stops. */
    private static Behavior<Reply> warmUpHost() {
        return Behaviors.setup(ctx -> {
            ActorSpec spec = new ActorSpec(ActorId.random(), null, WarmUp.class.getName(),
                MethodRefs.constructor((ActorCtor0<WarmUp>) WarmUp::new), new Object[0], ResourceShape.cpuOnly(0),
                PlacementStrategy.PACK, 0, 1, Duration.ofSeconds(10), WarmUp.class);
            ActorRef<Reply> self = ctx.getSelf();
            ActorHost.Listener listener = new ActorHost.Listener() {
                @Override
                public void started(ActorRef<Invoke> host) {
                    host.tell(new Invoke(1, MethodRefs.method(ECHO), new Object[] {7L}, self));
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
            ActorRef<PrismMessage> host = ctx.spawn(ActorHost.create(spec, WarmUp.class, null, listener,
                ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig("prism-concurrent-dispatcher"))),
                "host", DispatcherSelector.fromConfig("prism-actor-dispatcher"));
            return Behaviors.receive(Reply.class).onAnyMessage(r -> {
                ctx.stop(host);
                return Behaviors.stopped();
            }).build();
        });
    }

    /** Standard input is the worker's pipe: end of file means the worker is gone. */
    private static void exitWhenWorkerGone(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a broken pipe means the same as end of file
            }
            LOG.warn("the worker's pipe closed: exiting");
            Runtime.getRuntime().halt(EXIT_WORKER_GONE);
        }, "prism-worker-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
