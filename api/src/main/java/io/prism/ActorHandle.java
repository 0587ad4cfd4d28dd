package io.prism;

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

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A typed, location-transparent reference to an actor. Calls name a method by reference, so the compiler checks
 * the method and its argument types:
 *
 * <pre>{@code CompletableFuture<Float> risk = handle.call(FraudScorer::score, tx);}</pre>
 *
 * A call's future fails with {@link io.prism.exception.ActorCallException} when the method threw, and with
 * {@link io.prism.exception.ActorDiedException} when the actor is dead. Futures complete on a Prism thread:
 * chain heavy work with the {@code ...Async} methods of {@link CompletableFuture}.
 *
 * @param <A> the actor class
 */
public interface ActorHandle<A> {
    ActorId id();

    /** The actor's registered name, if it has one. */
    Optional<String> name();

    /** Where the actor's current incarnation runs: node, GPU, units, memory budget, isolation. */
    ActorPlacement placement();

    /** Stops the actor for good (no restart); calls not yet answered fail with ActorDiedException. */
    void kill();

    <R> CompletableFuture<R> call(ActorFunc0<A, R> method);
    <R, P1> CompletableFuture<R> call(ActorFunc1<A, P1, R> method, P1 p1);
    <R, P1, P2> CompletableFuture<R> call(ActorFunc2<A, P1, P2, R> method, P1 p1, P2 p2);
    <R, P1, P2, P3> CompletableFuture<R> call(ActorFunc3<A, P1, P2, P3, R> method, P1 p1, P2 p2, P3 p3);
    <R, P1, P2, P3, P4> CompletableFuture<R> call(ActorFunc4<A, P1, P2, P3, P4, R> method, P1 p1, P2 p2, P3 p3, P4 p4);
    <R, P1, P2, P3, P4, P5> CompletableFuture<R> call(ActorFunc5<A, P1, P2, P3, P4, P5, R> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5);
    <R, P1, P2, P3, P4, P5, P6> CompletableFuture<R> call(ActorFunc6<A, P1, P2, P3, P4, P5, P6, R> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6);
    CompletableFuture<Void> call(ActorVoidFunc0<A> method);
    <P1> CompletableFuture<Void> call(ActorVoidFunc1<A, P1> method, P1 p1);
    <P1, P2> CompletableFuture<Void> call(ActorVoidFunc2<A, P1, P2> method, P1 p1, P2 p2);
    <P1, P2, P3> CompletableFuture<Void> call(ActorVoidFunc3<A, P1, P2, P3> method, P1 p1, P2 p2, P3 p3);
    <P1, P2, P3, P4> CompletableFuture<Void> call(ActorVoidFunc4<A, P1, P2, P3, P4> method, P1 p1, P2 p2, P3 p3, P4 p4);
    <P1, P2, P3, P4, P5> CompletableFuture<Void> call(ActorVoidFunc5<A, P1, P2, P3, P4, P5> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5);
    <P1, P2, P3, P4, P5, P6> CompletableFuture<Void> call(ActorVoidFunc6<A, P1, P2, P3, P4, P5, P6> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6);
    void tell(ActorVoidFunc0<A> method);
    <P1> void tell(ActorVoidFunc1<A, P1> method, P1 p1);
    <P1, P2> void tell(ActorVoidFunc2<A, P1, P2> method, P1 p1, P2 p2);
    <P1, P2, P3> void tell(ActorVoidFunc3<A, P1, P2, P3> method, P1 p1, P2 p2, P3 p3);
    <P1, P2, P3, P4> void tell(ActorVoidFunc4<A, P1, P2, P3, P4> method, P1 p1, P2 p2, P3 p3, P4 p4);
    <P1, P2, P3, P4, P5> void tell(ActorVoidFunc5<A, P1, P2, P3, P4, P5> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5);
    <P1, P2, P3, P4, P5, P6> void tell(ActorVoidFunc6<A, P1, P2, P3, P4, P5, P6> method, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6);
}
