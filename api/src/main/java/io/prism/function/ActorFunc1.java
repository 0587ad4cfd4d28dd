package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 1 argument that returns a value, such as {@code FraudScorer::score}. */
@FunctionalInterface
public interface ActorFunc1<A, P1, R> extends Serializable {
    R apply(A actor, P1 p1) throws Exception;
}
