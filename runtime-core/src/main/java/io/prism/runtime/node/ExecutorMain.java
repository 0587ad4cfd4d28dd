package io.prism.runtime.node;

import io.prism.resources.context.GpuContexts;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point of an executor process, started by a node agent for one GPU actor incarnation (see
 * {@link ExecutorLauncher}). It is a Pekko system with remoting but no cluster membership: joining the cluster would
 * cost seconds per executor and put hundreds of executors into the membership gossip, while callers only need to
 * reach its actor host. It lives exactly as long as its worker: when the worker's end of its standard input closes
 * (the worker exited, even by {@code kill -9}) it exits too, so no executor is ever orphaned.
 */
public final class ExecutorMain {
    /** Exit code when the worker went away; the worker is gone, so nobody reads it but a person debugging. */
    static final int EXIT_WORKER_GONE = 3;

    private ExecutorMain() {
    }

    /** First argument of a run that rehearses an executor's life, so that its classes can be archived. */
    public static final String REHEARSE = "--rehearse";

    /**
     * Last argument of an executor started as a spare, to be handed an actor later; it starts as any other, and the
     * argument shows which processes are spares.
     */
    static final String SPARE = "--spare";

    /**
     * Set to {@value #CUDA} in the environment of an executor whose GPU is a real one (the only device it sees, as
     * ordinal 0): it readies CUDA there while its actor system starts ({@link GpuContexts#prepare}).
     */
    static final String GPU_ENV = "PRISM_EXECUTOR_GPU";
    static final String CUDA = "cuda";

    /**
     * Arguments: the agent's actor path, the launch id the agent gave this process, the executor config file, and
     * {@value #SPARE} for a spare; or {@value #REHEARSE} and the config file.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(REHEARSE)) {
            System.exit(ExecutorWarmUp.rehearse(ExecutorConfig.load(new File(args[1]))) ? 0 : 1);
        }
        boolean spare = args.length == 4 && args[3].equals(SPARE);
        if (args.length != 3 && !spare) {
            System.err.println("usage: ExecutorMain <agent-path> <launch-id> <config-file> [" + SPARE + "]; "
                + "executors are started by a Prism worker, not by hand");
            System.exit(2);
        }
        if (CUDA.equals(System.getenv(GPU_ENV))) {
            // the driver, the context (the MPS client's connection) and the sgemm take a tenth of a second or more,
            // which would otherwise come after the actor's creation: here they overlap the actor system's start
            GpuContexts.prepare(0);
        }
        // reading the settings from the worker and setting up logging (ExecutorLogging) take a cold JVM about 0.1 s
        // each, and need nothing from each other
        CompletableFuture<ExecutorConfig.Loaded> config = CompletableFuture.supplyAsync(
            () -> ExecutorConfig.load(new File(args[2])), task -> new Thread(task, "prism-executor-config").start());
        LoggerFactory.getILoggerFactory();
        exitWhenWorkerGone(System.in);
        start(args[0], args[1], config.join()).getWhenTerminated().toCompletableFuture().get();
        System.exit(0);
    }

    /**
     * Starts the executor's actor system, which reports to {@code agentPath} and ends when its actor does. While
     * that first report waits for the connections to the agent and back (a quarter of a second of a cold start),
     * this thread loads and registers the wire's classes and runs a small actor once, so the real actor's start and
     * first call find those paths warm: a spare while it waits for its actor, an executor started for an actor
     * while the agent's answer travels (0.1 s sooner to its first answered call, measured on 2 cores).
     */
    static ActorSystem<Void> start(String agentPath, String launchId, ExecutorConfig.Loaded config) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
            ActorRef<NodeAgent.Command> agent = ActorRefResolver.get(ctx.getSystem()).resolveActorRef(agentPath);
            ctx.watch(ctx.spawn(ExecutorGuardian.create(agent, launchId), "executor"));
            // the executor's one actor is gone: so is the process
            return Behaviors.receive(Void.class).onSignal(Terminated.class, t -> Behaviors.stopped()).build();
        }), "prism", config.bootstrap());
        config.systemStarted();
        ExecutorWarmUp.wire(system);
        ExecutorWarmUp.hostOnce(system);
        return system;
    }

    /** Standard input is the worker's pipe: end of file means the worker is gone. */
    private static void exitWhenWorkerGone(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a broken pipe means the same as end of file
            }
            LoggerFactory.getLogger(ExecutorMain.class).warn("the worker's pipe closed: exiting");
            Runtime.getRuntime().halt(EXIT_WORKER_GONE);
        }, "prism-worker-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
