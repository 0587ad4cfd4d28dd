package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 4 arguments whose result, if any, is not wanted. */
@FunctionalInterface
public interface ActorVoidFunc4<A, P1, P2, P3, P4> extends Serializable {
    void accept(A actor, P1 p1, P2 p2, P3 p3, P4 p4) throws Exception;
}
