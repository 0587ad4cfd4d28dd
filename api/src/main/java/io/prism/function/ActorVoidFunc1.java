package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 1 argument whose result, if any, is not wanted. */
@FunctionalInterface
public interface ActorVoidFunc1<A, P1> extends Serializable {
    void accept(A actor, P1 p1) throws Exception;
}
