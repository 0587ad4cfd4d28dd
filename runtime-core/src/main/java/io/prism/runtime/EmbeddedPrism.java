package io.prism.runtime;

import com.typesafe.config.Config;
import io.prism.ActorHandle;
import io.prism.ActorId;
import io.prism.ActorOptions;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.PrismConfig;
import io.prism.exception.PrismException;
import io.prism.resources.device.GpuDiscovery;
import io.prism.resources.device.GpuSpec;
import io.prism.runtime.call.CallRegistry;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.call.Replies;
import io.prism.runtime.handle.LocationCache;
import io.prism.runtime.handle.PrismClient;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.ResourceShapes;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.spi.AbstractPrism;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Prism.start()}: a real one-node Pekko cluster in this JVM, with the resource manager singleton, a node
 * agent offering this machine's GPUs (or simulated ones), and a client, so calls take the same path they take
 * between JVMs.
 */
final class EmbeddedPrism extends AbstractPrism {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPrism.class);

    private final ActorSystem<Void> system;
    private final RuntimeSettings settings;
    private final CallRegistry registry;
    private final PrismClient client;

    private EmbeddedPrism(ActorSystem<Void> system, RuntimeSettings settings, CallRegistry registry,
                          PrismClient client) {
        this.system = system;
        this.settings = settings;
        this.registry = registry;
        this.client = client;
    }

    static EmbeddedPrism start(PrismConfig config) {
        Config merged = configOf(config);
        RuntimeSettings settings = RuntimeSettings.from(merged);
        GpuDiscovery.Discovered gpus = GpuDiscovery.discover(GpuSpec.parse(settings.gpus()),
            GpuSpec.parse(settings.gpusWhenNoCuda()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", merged);
        try {
            awaitUp(system, settings.controlTimeout());
            ActorRef<ResourceManager.Command> manager = ClusterSingleton.get(system).init(
                SingletonActor.of(ResourceManager.create(settings.pendingCheckInterval()), "resource-manager"));

            LocationCache locations = new LocationCache(settings.locationCacheSize());
            CallRegistry registry = new CallRegistry();
            ActorRef<PrismMessage> replies = system.systemActorOf(
                Replies.create(registry, Duration.ofSeconds(1), locations::hostStopped), "prism-replies",
                Props.empty());
            PrismClient client = new PrismClient(manager, replies, registry, locations, settings.callTimeout(),
                settings.controlTimeout());

            Address address = Cluster.get(system).selfMember().address();
            String nodeId = settings.nodeName().isEmpty() ? "node-" + address.getPort().get() : settings.nodeName();
            NodeAgent.NodeInfo info = new NodeAgent.NodeInfo(nodeId, address.toString(), gpus.devices(),
                settings.cpus() * 1000L, settings.labels(), gpus.devices().isEmpty() ? Isolation.NONE
                : Isolation.SHARED);
            CompletableFuture<Void> registered = new CompletableFuture<>();
            system.systemActorOf(NodeAgent.create(info, manager, () -> registered.complete(null)), "prism-node",
                Props.empty());
            registered.get(settings.controlTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Prism started: node {} with {}, {} CPUs", nodeId, gpus.description(), settings.cpus());
            return new EmbeddedPrism(system, settings, registry, client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            throw new PrismException("interrupted while starting Prism", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            system.terminate();
            throw new PrismException("Prism did not start: " + e, e);
        }
    }

    private static Config configOf(PrismConfig config) {
        Map<String, Object> overrides = new HashMap<>(config.settings());
        if (config.gpus() != null) {
            overrides.put("prism.gpus", config.gpus());
        }
        if (config.cpus() != null) {
            overrides.put("prism.cpus", config.cpus());
        }
        if (config.nodeName() != null) {
            overrides.put("prism.node-name", config.nodeName());
        }
        if (config.placementTimeout() != null) {
            overrides.put("prism.placement-timeout", config.placementTimeout().toMillis() + "ms");
        }
        if (config.callTimeout() != null) {
            overrides.put("prism.call-timeout", config.callTimeout().toMillis() + "ms");
        }
        return PrismConfigLoader.load(overrides, true);
    }

    private static void awaitUp(ActorSystem<Void> system, Duration timeout)
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
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected <A> CompletableFuture<ActorHandle<A>> createActor(Serializable constructor, Object[] args,
                                                                ActorOptions options) {
        ActorSpec spec;
        try {
            CtorRef ctor = MethodRefs.constructor(constructor);
            Class<?> actorClass = Class.forName(ctor.className(), false, constructor.getClass().getClassLoader());
            ResourceShape shape = ResourceShapes.of(actorClass, options);
            spec = new ActorSpec(ActorId.random(), options.name(), actorClass.getName(), ctor, args, shape,
                options.strategy() == null ? PlacementStrategy.PACK : options.strategy(), options.maxRestarts(),
                options.maxConcurrency(),
                options.placementTimeout() == null ? settings.placementTimeout() : options.placementTimeout(),
                actorClass);
        } catch (PrismException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        } catch (ClassNotFoundException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage(), e));
        }
        return client.create(spec);
    }

    @Override
    public <A> Optional<ActorHandle<A>> actor(String name, Class<A> actorClass) {
        return await(client.lookup(name, actorClass));
    }

    @Override
    public ClusterState state() {
        return await(client.state());
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Prism did not stop within 30 s: {}", e.toString());
        }
        registry.failAll("Prism was closed");
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismException("interrupted", e);
        } catch (ExecutionException e) {
            throw PrismException.rethrow(e.getCause());
        }
    }
}
