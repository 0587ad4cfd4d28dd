package io.prism.spi;

import io.prism.ActorHandle;
import io.prism.function.ActorFunc0;
import io.prism.function.ActorFunc1;
import io.prism.function.ActorFunc2;
import io.prism.function.ActorFunc3;
import io.prism.function.ActorFunc4;
import io.prism.function.ActorFunc5;
import io.prism.function.ActorFunc6;
import io.prism.function.ActorVoidFunc0;
import io.prism.function.ActorVoidFunc1;
import io.prism.function.ActorVoidFunc2;
import io.prism.function.ActorVoidFunc3;
import io.prism.function.ActorVoidFunc4;
import io.prism.function.ActorVoidFunc5;
import io.prism.function.ActorVoidFunc6;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/** Base for runtimes: turns every {@code call} and {@code tell} overload into {@link #invoke} or {@link #send}. */
public abstract class AbstractActorHandle<A> implements ActorHandle<A> {

    @Override
    public final <R> CompletableFuture<R> call(ActorFunc0<A, R> method) {
        return invoke(method, new Object[]{});
    }
    @Override
    public final <R, P1> CompletableFuture<R> call(ActorFunc1<A, P1, R> method, P1 p1) {
        return invoke(method, new Object[]{p1});
    }
    @Override
    public final <R, P1, P2> CompletableFuture<R> call(ActorFunc2<A, P1, P2, R> method, P1 p1, P2 p2) {
        return invoke(method, new Object[]{p1, p2});
    }
    @Override
    public final <R, P1, P2, P3> CompletableFuture<R> call(ActorFunc3<A, P1, P2, P3, R> method, P1 p1, P2 p2, P3 p3) {
        return invoke(method, new Object[]{p1, p2, p3});
    }
    @Override
    public final <R, P1, P2, P3, P4> CompletableFuture<R> call(ActorFunc4<A, P1, P2, P3, P4, R> method, P1 p1, P2 p2, P3 p3, P4 p4) {
        return invoke(method, new Object[]{p1, p2, p3, p4});
    }
    @Override
    public final <R, P1, P2, P3, P4, P5> CompletableFuture<R> call(ActorFunc5<A, P1, P2, P3, P4, P5, R> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5) {
        return invoke(method, new Object[]{p1, p2, p3, p4, p5});
    }
    @Override
    public final <R, P1, P2, P3, P4, P5, P6> CompletableFuture<R> call(ActorFunc6<A, P1, P2, P3, P4, P5, P6, R> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6) {
        return invoke(method, new Object[]{p1, p2, p3, p4, p5, p6});
    }
    @Override
    public final CompletableFuture<Void> call(ActorVoidFunc0<A> method) {
        return invoke(method, new Object[]{});
    }
    @Override
    public final <P1> CompletableFuture<Void> call(ActorVoidFunc1<A, P1> method, P1 p1) {
        return invoke(method, new Object[]{p1});
    }
    @Override
    public final <P1, P2> CompletableFuture<Void> call(ActorVoidFunc2<A, P1, P2> method, P1 p1, P2 p2) {
        return invoke(method, new Object[]{p1, p2});
    }
    @Override
    public final <P1, P2, P3> CompletableFuture<Void> call(ActorVoidFunc3<A, P1, P2, P3> method, P1 p1, P2 p2, P3 p3) {
        return invoke(method, new Object[]{p1, p2, p3});
    }
    @Override
    public final <P1, P2, P3, P4> CompletableFuture<Void> call(ActorVoidFunc4<A, P1, P2, P3, P4> method, P1 p1, P2 p2, P3 p3, P4 p4) {
        return invoke(method, new Object[]{p1, p2, p3, p4});
    }
    @Override
    public final <P1, P2, P3, P4, P5> CompletableFuture<Void> call(ActorVoidFunc5<A, P1, P2, P3, P4, P5> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5) {
        return invoke(method, new Object[]{p1, p2, p3, p4, p5});
    }
    @Override
    public final <P1, P2, P3, P4, P5, P6> CompletableFuture<Void> call(ActorVoidFunc6<A, P1, P2, P3, P4, P5, P6> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6) {
        return invoke(method, new Object[]{p1, p2, p3, p4, p5, p6});
    }
    @Override
    public final void tell(ActorVoidFunc0<A> method) {
        send(method, new Object[]{});
    }
    @Override
    public final <P1> void tell(ActorVoidFunc1<A, P1> method, P1 p1) {
        send(method, new Object[]{p1});
    }
    @Override
    public final <P1, P2> void tell(ActorVoidFunc2<A, P1, P2> method, P1 p1, P2 p2) {
        send(method, new Object[]{p1, p2});
    }
    @Override
    public final <P1, P2, P3> void tell(ActorVoidFunc3<A, P1, P2, P3> method, P1 p1, P2 p2, P3 p3) {
        send(method, new Object[]{p1, p2, p3});
    }
    @Override
    public final <P1, P2, P3, P4> void tell(ActorVoidFunc4<A, P1, P2, P3, P4> method, P1 p1, P2 p2, P3 p3, P4 p4) {
        send(method, new Object[]{p1, p2, p3, p4});
    }
    @Override
    public final <P1, P2, P3, P4, P5> void tell(ActorVoidFunc5<A, P1, P2, P3, P4, P5> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5) {
        send(method, new Object[]{p1, p2, p3, p4, p5});
    }
    @Override
    public final <P1, P2, P3, P4, P5, P6> void tell(ActorVoidFunc6<A, P1, P2, P3, P4, P5, P6> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6) {
        send(method, new Object[]{p1, p2, p3, p4, p5, p6});
    }

    /** Sends a call and returns the future of its reply. {@code method} is an ActorFuncN or ActorVoidFuncN. */
    protected abstract <R> CompletableFuture<R> invoke(Serializable method, Object[] args);

    /** Sends a call whose reply nobody waits for. */
    protected abstract void send(Serializable method, Object[] args);
}
