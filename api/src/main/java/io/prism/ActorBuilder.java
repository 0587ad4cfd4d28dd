package io.prism;

import io.prism.spi.ActorCreator;
import io.prism.spi.Futures;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Fluent options for one actor, ended by {@link #create()} or {@link #createAsync()}. Values are checked when the
 * actor is created, with errors that name the class and the value.
 *
 * @param <A> the actor class
 */
public final class ActorBuilder<A> {
    private final ActorCreator creator;
    private final Serializable constructor;
    private final Object[] args;
    private String name;
    private Double gpu;
    private String gpuMemory;
    private Double cpus;
    private int maxRestarts;
    private int maxConcurrency = 1;
    private PlacementStrategy strategy;
    private Duration placementTimeout;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String node;
    private boolean nodeSoft;
    private Isolation isolation;

    /** For runtimes: {@code constructor} is one of the {@code io.prism.function.ActorCtorN} references. */
    public ActorBuilder(ActorCreator creator, Serializable constructor, Object[] args) {
        this.creator = Objects.requireNonNull(creator, "creator");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
        this.args = args.clone();
    }

    /** A unique name; {@link Prism#actor(String, Class)} finds the actor by it. */
    public ActorBuilder<A> name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** GPUs for this actor, overriding the class's {@link Gpu}: a fraction {@code 0 < g ≤ 1} or a whole number. */
    public ActorBuilder<A> gpu(double gpus) {
        this.gpu = gpus;
        return this;
    }

    /** GPU memory budget such as "6GiB", overriding the class's {@link Gpu#memory()}. */
    public ActorBuilder<A> gpuMemory(String memory) {
        this.gpuMemory = Objects.requireNonNull(memory, "memory");
        return this;
    }

    /** CPUs reserved for scheduling (default 1). */
    public ActorBuilder<A> cpus(double cpus) {
        this.cpus = cpus;
        return this;
    }

    /** How many times the actor is recreated after it dies (default 0; -1 for no limit). */
    public ActorBuilder<A> maxRestarts(int maxRestarts) {
        this.maxRestarts = maxRestarts;
        return this;
    }

    /** How many calls the actor runs at once (default 1: one at a time, in arrival order). */
    public ActorBuilder<A> maxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
        return this;
    }

    public ActorBuilder<A> strategy(PlacementStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /** How long {@link #create()} waits for capacity before it fails with a PlacementTimeoutException. */
    public ActorBuilder<A> placementTimeout(Duration timeout) {
        this.placementTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Runs the actor only on nodes with this label, e.g. {@code .label("gpu-model", "H100")}. */
    public ActorBuilder<A> label(String key, String value) {
        labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Runs the actor on the node {@code nodeId} (as {@code bin/prism status} lists it) and nowhere else. */
    public ActorBuilder<A> node(String nodeId) {
        this.node = Objects.requireNonNull(nodeId, "nodeId");
        this.nodeSoft = false;
        return this;
    }

    /** Prefers the node {@code nodeId}, but places the actor elsewhere when that node has no room. */
    public ActorBuilder<A> preferNode(String nodeId) {
        this.node = Objects.requireNonNull(nodeId, "nodeId");
        this.nodeSoft = true;
        return this;
    }

    /**
     * How this GPU actor's share is enforced, overriding its node's default: {@link Isolation#PROCESS} runs it in an
     * executor process of its own (an MPS client where the node runs MPS) and places it only on nodes that offer
     * that; {@link Isolation#SHARED} runs it inside the worker JVM, e.g. for classes typed into jshell.
     * {@link Isolation#AUTO} takes the node's default.
     */
    public ActorBuilder<A> isolation(Isolation isolation) {
        Objects.requireNonNull(isolation, "isolation");
        if (isolation == Isolation.NONE) {
            throw new IllegalArgumentException("isolation NONE is what a node reports for an actor without a GPU; "
                + "choose PROCESS, SHARED or AUTO");
        }
        this.isolation = isolation == Isolation.AUTO ? null : isolation;
        return this;
    }

    public ActorOptions options() {
        return new ActorOptions(name, gpu, gpuMemory, cpus, maxRestarts, maxConcurrency, strategy, placementTimeout,
            labels, node, nodeSoft, isolation);
    }

    /** Places and constructs the actor; completes once it is ready for calls. */
    public CompletableFuture<ActorHandle<A>> createAsync() {
        return creator.create(constructor, args, options());
    }

    /**
     * Places and constructs the actor, waiting until it is ready for calls.
     *
     * @throws io.prism.exception.InvalidResourceRequestException when the request is malformed or can never fit
     * @throws io.prism.exception.PlacementTimeoutException       when no capacity freed up in time
     * @throws io.prism.exception.ActorCreationException          when the constructor threw, or the name is taken
     */
    public ActorHandle<A> create() {
        return Futures.await(createAsync());
    }
}
