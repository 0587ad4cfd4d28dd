package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 2 arguments that returns a value, such as {@code FraudScorer::score}. */
@FunctionalInterface
public interface ActorFunc2<A, P1, P2, R> extends Serializable {
    R apply(A actor, P1 p1, P2 p2) throws Exception;
}
