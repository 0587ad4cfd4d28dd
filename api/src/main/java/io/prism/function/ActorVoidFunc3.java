package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 3 arguments whose result, if any, is not wanted. */
@FunctionalInterface
public interface ActorVoidFunc3<A, P1, P2, P3> extends Serializable {
    void accept(A actor, P1 p1, P2 p2, P3 p3) throws Exception;
}
