package io.prism.runtime;

import com.typesafe.config.Config;
import io.prism.Isolation;
import io.prism.exception.PrismException;
import io.prism.resources.device.GpuDiscovery;
import io.prism.resources.device.GpuSpec;
import io.prism.runtime.call.CallRegistry;
import io.prism.runtime.call.Replies;
import io.prism.runtime.handle.LocationCache;
import io.prism.runtime.handle.PrismClient;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.protocol.ActorMoved;
import io.prism.runtime.protocol.PrismMessage;
import org.apache.pekko.actor.typed.pubsub.Topic;
import io.prism.runtime.serialization.PrismKryo;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Prism process's membership in a cluster: its Pekko system, the resource manager singleton (on server nodes),
 * its node agent (on nodes that host actors) and its client (every node can call). The same bootstrap serves the
 * embedded one-node cluster, {@code bin/prism head}, {@code bin/prism worker} and {@code Prism.connect}.
 */
public final class PrismNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrismNode.class);
    /** Cluster role of nodes that may run the resource manager; drivers that connect have the client role. */
    static final String SERVER_ROLE = "prism-server";
    static final String CLIENT_ROLE = "prism-client";
    /** Where the resource manager tells every JVM that an actor moved (see {@link ActorMoved}). */
    public static final String MOVED_TOPIC = "prism-actor-moved";

    /** What this process is in the cluster. */
    public enum Role {
        /** Head and worker in one JVM, a one-node cluster. */
        EMBEDDED,
        /** The first node: seed of the cluster; hosts actors only when given GPUs or CPUs to offer. */
        HEAD,
        /** Joins a head and hosts actors. */
        WORKER,
        /** A driver: joins to call and create actors, hosts nothing. */
        CLIENT
    }

    private final ActorSystem<Void> system;
    private final RuntimeSettings settings;
    private final CallRegistry registry;
    private final PrismClient client;
    private final String nodeId;
    private final GpuDiscovery.Discovered gpus;

    private PrismNode(ActorSystem<Void> system, RuntimeSettings settings, CallRegistry registry, PrismClient client,
                      String nodeId, GpuDiscovery.Discovered gpus) {
        this.system = system;
        this.settings = settings;
        this.registry = registry;
        this.client = client;
        this.nodeId = nodeId;
        this.gpus = gpus;
    }

    /**
     * Starts a node.
     *
     * @param seeds      {@code host:port} of nodes to join; empty to found a cluster (embedded, head)
     * @param hostActors whether this node offers its GPUs and CPUs for actors
     * @param overrides  configuration overrides, strongest first (PrismConfig, CLI flags)
     */
    public static PrismNode start(Role role, List<String> seeds, boolean hostActors, Map<String, ?> overrides) {
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("pekko.cluster.roles", List.of(role == Role.CLIENT ? CLIENT_ROLE : SERVER_ROLE));
        Config config = PrismConfigLoader.load(all, role == Role.EMBEDDED);
        RuntimeSettings settings = RuntimeSettings.from(config);
        GpuDiscovery.Discovered gpus = hostActors
            ? GpuDiscovery.discover(GpuSpec.parse(settings.gpus()), GpuSpec.parse(settings.gpusWhenNoCuda()))
            : GpuDiscovery.discover(GpuSpec.parse("none"), GpuSpec.parse(settings.gpusWhenNoCuda()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", config);
        try {
            Cluster cluster = Cluster.get(system);
            Address self = cluster.selfMember().address();
            awaitUp(system, role, seeds, settings.joinTimeout());

            ActorRef<ResourceManager.Command> manager = ClusterSingleton.get(system).init(
                SingletonActor.of(ResourceManager.create(settings.pendingCheckInterval(),
                    settings.recoveryTimeout(), settings.infeasibleRequestsWait()), "resource-manager")
                    .withSettings(ClusterSingletonSettings.create(system).withRole(SERVER_ROLE)));

            LocationCache locations = new LocationCache(settings.locationCacheSize());
            Duration sweep = Duration.ofSeconds(1);
            CallRegistry registry = new CallRegistry(sweep);
            registry.startSweeping();
            ActorRef<PrismMessage> replies = system.systemActorOf(
                Replies.create(registry, locations::hostStopped, locations::invalidate, PrismKryo.get(system)),
                "prism-replies", Props.empty());
            system.systemActorOf(Topic.create(ActorMoved.class, MOVED_TOPIC), "prism-moved", Props.empty())
                .tell(Topic.subscribe(Replies.movedTo(replies)));
            PrismClient client = new PrismClient(manager, replies, registry, locations, settings.callTimeout(),
                settings.controlTimeout(), PrismKryo.get(system));

            String nodeId = settings.nodeName().isEmpty()
                ? (role == Role.EMBEDDED ? "node-" : role.name().toLowerCase() + "-") + self.getPort().get()
                : settings.nodeName();
            if (hostActors) {
                NodeIsolations.Decided isolation = NodeIsolations.decide(config, nodeId, gpus);
                if (isolation.mps() != null) {
                    // executors are gone by then (the node agent stops them), so the daemon may quit
                    system.getWhenTerminated().thenRun(isolation.mps()::close);
                }
                Map<String, String> labels = new HashMap<>(settings.labels());
                if (isolation.isolation().mode() == Isolation.PROCESS) {
                    labels.put(NodeAgent.ISOLATION_LABEL, NodeAgent.PROCESS_LABEL_VALUE);
                }
                NodeAgent.NodeInfo info = new NodeAgent.NodeInfo(nodeId, self.toString(), gpus.devices(),
                    settings.cpus() * 1000L, labels, isolation.isolation().mode(), isolation.isolation().detail());
                CompletableFuture<Void> registered = new CompletableFuture<>();
                ActorRef<NodeAgent.Command> agent = system.systemActorOf(
                    NodeAgent.create(info, isolation.isolation(), manager, () -> registered.complete(null)),
                    "prism-node", Props.empty());
                registered.get(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (role != Role.EMBEDDED) {
                    drainOnLeave(system, agent, settings.drainTimeout());
                }
            } else {
                client.state().get(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            LOG.info("Prism {} {} up at {}{}", role.name().toLowerCase(), nodeId, hostPort(self),
                hostActors ? " with " + gpus.description() + ", " + settings.cpus() + " CPUs" : "");
            return new PrismNode(system, settings, registry, client, nodeId, gpus);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            throw new PrismException("interrupted while starting Prism", e);
        } catch (TimeoutException e) {
            system.terminate();
            throw new PrismException(role == Role.CLIENT || role == Role.WORKER
                ? "could not join the Prism cluster at " + String.join(", ", seeds) + " within "
                    + settings.joinTimeout().toSeconds() + " s: is a head running there (bin/prism head)?"
                : "Prism did not start within " + settings.joinTimeout().toSeconds() + " s", e);
        } catch (ExecutionException | RuntimeException e) {
            system.terminate();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new PrismException("Prism did not start: " + cause, cause);
        }
    }

    /** A node that leaves (Ctrl-C, close) first has its actors moved to other nodes. */
    private static void drainOnLeave(ActorSystem<Void> system, ActorRef<NodeAgent.Command> agent, Duration timeout) {
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeClusterShutdown(), "prism-drain",
            () -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                agent.tell(new NodeAgent.Drain(done));
                return done.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((v, e) -> {
                        if (e != null) {
                            LOG.warn("actors not moved off this node within {} s", timeout.toSeconds());
                        }
                        return Done.getInstance();
                    });
            });
    }

    private static void awaitUp(ActorSystem<Void> system, Role role, List<String> seeds, Duration timeout)
        throws InterruptedException, ExecutionException, TimeoutException {
        Cluster cluster = Cluster.get(system);
        CompletableFuture<Void> up = new CompletableFuture<>();
        system.systemActorOf(Behaviors.<SelfUp>setup(ctx -> {
            cluster.subscriptions().tell(Subscribe.create(ctx.getSelf(), SelfUp.class));
            return Behaviors.receiveMessage(m -> {
                up.complete(null);
                return Behaviors.stopped();
            });
        }), "prism-await-up", Props.empty());
        if (seeds.isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        } else {
            cluster.manager().tell(new JoinSeedNodes(seeds.stream().map(PrismNode::seedAddress).toList()));
        }
        up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code host:port} (or a full {@code pekko://prism@host:port}) as the address of a Prism node. */
    static Address seedAddress(String hostPort) {
        String s = hostPort.trim();
        if (s.startsWith("pekko://")) {
            return AddressFromURIString.parse(s);
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("cluster address '" + hostPort + "' is not host:port "
                + "(for example 127.0.0.1:2552, as printed by bin/prism head)");
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            return new Address("pekko", "prism", s.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cluster address '" + hostPort + "': port '" + s.substring(colon + 1)
                + "' is not a number (for example 127.0.0.1:2552)", e);
        }
    }

    static String hostPort(Address address) {
        return address.getHost().get() + ":" + address.getPort().get();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public PrismClient client() {
        return client;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Where other nodes reach this one: {@code host:port}. */
    public String address() {
        return hostPort(Cluster.get(system).selfMember().address());
    }

    public GpuDiscovery.Discovered gpus() {
        return gpus;
    }

    /** Leaves the cluster (gracefully, where the configuration says so) and stops. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Prism did not stop within 60 s: {}", e.toString());
        }
        registry.failAll("Prism was closed");
    }
}
