package io.prism.spi;

import io.prism.ActorBuilder;
import io.prism.ActorHandle;
import io.prism.ActorOptions;
import io.prism.Prism;
import io.prism.function.ActorCtor0;
import io.prism.function.ActorCtor1;
import io.prism.function.ActorCtor2;
import io.prism.function.ActorCtor3;
import io.prism.function.ActorCtor4;
import io.prism.function.ActorCtor5;
import io.prism.function.ActorCtor6;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/** Base for runtimes: turns every {@code actor(...)} overload into one {@link #createActor}. */
public abstract class AbstractPrism implements Prism {

    @Override
    public final <A> ActorBuilder<A> actor(ActorCtor0<A> constructor) {
        return builder(constructor, new Object[]{});
    }
    @Override
    public final <A, P1> ActorBuilder<A> actor(ActorCtor1<A, P1> constructor, P1 p1) {
        return builder(constructor, new Object[]{p1});
    }
    @Override
    public final <A, P1, P2> ActorBuilder<A> actor(ActorCtor2<A, P1, P2> constructor, P1 p1, P2 p2) {
        return builder(constructor, new Object[]{p1, p2});
    }
    @Override
    public final <A, P1, P2, P3> ActorBuilder<A> actor(ActorCtor3<A, P1, P2, P3> constructor, P1 p1, P2 p2, P3 p3) {
        return builder(constructor, new Object[]{p1, p2, p3});
    }
    @Override
    public final <A, P1, P2, P3, P4> ActorBuilder<A> actor(ActorCtor4<A, P1, P2, P3, P4> constructor, P1 p1, P2 p2, P3 p3, P4 p4) {
        return builder(constructor, new Object[]{p1, p2, p3, p4});
    }
    @Override
    public final <A, P1, P2, P3, P4, P5> ActorBuilder<A> actor(ActorCtor5<A, P1, P2, P3, P4, P5> constructor, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5) {
        return builder(constructor, new Object[]{p1, p2, p3, p4, p5});
    }
    @Override
    public final <A, P1, P2, P3, P4, P5, P6> ActorBuilder<A> actor(ActorCtor6<A, P1, P2, P3, P4, P5, P6> constructor, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6) {
        return builder(constructor, new Object[]{p1, p2, p3, p4, p5, p6});
    }

    private <A> ActorBuilder<A> builder(Serializable constructor, Object[] args) {
        return new ActorBuilder<>(this::createActor, constructor, args);
    }

    /** Validates, places and constructs an actor; the future fails with a PrismException. */
    protected abstract <A> CompletableFuture<ActorHandle<A>> createActor(Serializable constructor, Object[] args,
                                                                         ActorOptions options);
}
