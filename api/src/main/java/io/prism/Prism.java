package io.prism;

import io.prism.function.ActorCtor0;
import io.prism.function.ActorCtor1;
import io.prism.function.ActorCtor2;
import io.prism.function.ActorCtor3;
import io.prism.function.ActorCtor4;
import io.prism.function.ActorCtor5;
import io.prism.function.ActorCtor6;
import io.prism.spi.PrismRuntimes;

import java.util.Optional;

/**
 * The entry point: starts an embedded Prism (head and worker in this JVM) or connects to a cluster, creates actors
 * and looks them up by name.
 *
 * <pre>{@code
 * try (Prism prism = Prism.start()) {
 *     ActorHandle<FraudScorer> scorer = prism.actor(FraudScorer::new, "fraud.model").name("fraud-1").create();
 *     float risk = scorer.call(FraudScorer::score, tx).join();
 * }
 * }</pre>
 *
 * The api holds no runtime: {@link #start()} finds one on the class path ({@code prism-runtime-core}) through
 * {@link java.util.ServiceLoader}.
 */
public interface Prism extends AutoCloseable {

    /** An embedded Prism with default settings: GPUs detected, or two simulated 16 GiB GPUs. */
    static Prism start() {
        return start(PrismConfig.defaults());
    }

    /** An embedded Prism: a one-node cluster in this JVM with the resource manager and a worker. */
    static Prism start(PrismConfig config) {
        return PrismRuntimes.provider().start(config);
    }

    /**
     * Joins a running cluster as a client: this JVM creates and calls actors but hosts none.
     *
     * @param address a head's {@code host:port} as {@code bin/prism head} prints it (several, comma-separated, for
     *                failover)
     */
    static Prism connect(String address) {
        return connect(address, PrismConfig.defaults());
    }

    static Prism connect(String address, PrismConfig config) {
        return PrismRuntimes.provider().connect(address, config);
    }

    <A> ActorBuilder<A> actor(ActorCtor0<A> constructor);
    <A, P1> ActorBuilder<A> actor(ActorCtor1<A, P1> constructor, P1 p1);
    <A, P1, P2> ActorBuilder<A> actor(ActorCtor2<A, P1, P2> constructor, P1 p1, P2 p2);
    <A, P1, P2, P3> ActorBuilder<A> actor(ActorCtor3<A, P1, P2, P3> constructor, P1 p1, P2 p2, P3 p3);
    <A, P1, P2, P3, P4> ActorBuilder<A> actor(ActorCtor4<A, P1, P2, P3, P4> constructor, P1 p1, P2 p2, P3 p3, P4 p4);
    <A, P1, P2, P3, P4, P5> ActorBuilder<A> actor(ActorCtor5<A, P1, P2, P3, P4, P5> constructor, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5);
    <A, P1, P2, P3, P4, P5, P6> ActorBuilder<A> actor(ActorCtor6<A, P1, P2, P3, P4, P5, P6> constructor, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6);

    /** The live actor registered under {@code name}, if any; fails when it is not an {@code actorClass}. */
    <A> Optional<ActorHandle<A>> actor(String name, Class<A> actorClass);

    /** Nodes, GPUs with their used fractions, actors and pending requests, as the resource manager sees them. */
    ClusterState state();

    /** Stops every actor this Prism started and leaves the cluster. */
    @Override
    void close();
}
