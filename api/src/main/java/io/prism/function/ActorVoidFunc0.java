package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 0 arguments whose result, if any, is not wanted. */
@FunctionalInterface
public interface ActorVoidFunc0<A> extends Serializable {
    void accept(A actor) throws Exception;
}
