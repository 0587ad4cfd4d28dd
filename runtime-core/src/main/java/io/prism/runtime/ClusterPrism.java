package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.ActorId;
import io.prism.ActorOptions;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.PrismConfig;
import io.prism.exception.PrismException;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.ResourceShapes;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.serialization.PrismKryo;
import io.prism.spi.AbstractPrism;
import io.prism.spi.Futures;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link io.prism.Prism} users hold, over a {@link PrismNode}: {@code Prism.start()} makes an embedded one-node
 * cluster (resource manager, node agent and client in this JVM), {@code Prism.connect(address)} a client node of a
 * running cluster. Calls take the same path in both.
 */
final class ClusterPrism extends AbstractPrism {
    private final PrismNode node;
    /** Constructor arguments go to whichever node the actor lands on: check they can cross JVMs before sending. */
    private final boolean checkWire;

    private ClusterPrism(PrismNode node, boolean checkWire) {
        this.node = node;
        this.checkWire = checkWire;
    }

    static ClusterPrism embedded(PrismConfig config) {
        return new ClusterPrism(PrismNode.start(PrismNode.Role.EMBEDDED, List.of(), true, overrides(config)), false);
    }

    static ClusterPrism connect(String address, PrismConfig config) {
        List<String> seeds = List.of(address.split(","));
        seeds.forEach(PrismNode::seedAddress);
        return new ClusterPrism(PrismNode.start(PrismNode.Role.CLIENT, seeds, false, overrides(config)), true);
    }

    private static Map<String, Object> overrides(PrismConfig config) {
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
        return overrides;
    }

    @Override
    protected <A> CompletableFuture<ActorHandle<A>> createActor(Serializable constructor, Object[] args,
                                                                ActorOptions options) {
        ActorSpec spec;
        try {
            if (checkWire) {
                PrismKryo.get(node.system()).encode(args);
            }
            CtorRef ctor = MethodRefs.constructor(constructor);
            Class<?> actorClass = Class.forName(ctor.className(), false, constructor.getClass().getClassLoader());
            ResourceShape shape = ResourceShapes.of(actorClass, options);
            spec = new ActorSpec(ActorId.random(), options.name(), actorClass.getName(), ctor, args, shape,
                options.strategy() == null ? PlacementStrategy.PACK : options.strategy(), options.maxRestarts(),
                options.maxConcurrency(), options.placementTimeout() == null
                    ? node.settings().placementTimeout() : options.placementTimeout(), actorClass,
                labelsWithIsolation(actorClass, shape, options), options.node(), options.nodeSoft(),
                options.isolation());
        } catch (PrismException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        } catch (ClassNotFoundException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage(), e));
        }
        return node.client().create(spec);
    }

    /** An actor that asks for its own process may run only on nodes that offer executor processes. */
    private static Map<String, String> labelsWithIsolation(Class<?> actorClass, ResourceShape shape,
                                                           ActorOptions options) {
        if (options.isolation() == null) {
            return options.labels();
        }
        if (shape.gpuCount() == 0) {
            throw new IllegalArgumentException("isolation(" + options.isolation() + ") on "
                + actorClass.getSimpleName() + ": isolation applies to GPU actors, and this one asks for no GPU "
                + "(add @Gpu or .gpu(...), or drop .isolation(...))");
        }
        if (options.isolation() != Isolation.PROCESS) {
            return options.labels();
        }
        if (shape.gpuCount() > 1) {
            throw new IllegalArgumentException("isolation(PROCESS) on " + actorClass.getSimpleName() + " with "
                + shape.gpuCount() + " GPUs: an executor process is an MPS client of one GPU, so actors of several "
                + "GPUs run in the worker JVM (drop .isolation(PROCESS), or ask for one GPU or a fraction)");
        }
        Map<String, String> labels = new HashMap<>(options.labels());
        labels.put(NodeAgent.ISOLATION_LABEL, NodeAgent.PROCESS_LABEL_VALUE);
        return labels;
    }

    @Override
    public <A> Optional<ActorHandle<A>> actor(String name, Class<A> actorClass) {
        return Futures.await(node.client().lookup(name, actorClass));
    }

    @Override
    public ClusterState state() {
        return Futures.await(node.client().state());
    }

    @Override
    public void close() {
        node.close();
    }


    @Override
    public String toString() {
        return "Prism[" + node.nodeId() + " at " + node.address() + "]";
    }

    /** The node under this Prism, for tests that speak to its actors directly. */
    PrismNode node() {
        return node;
    }
}
