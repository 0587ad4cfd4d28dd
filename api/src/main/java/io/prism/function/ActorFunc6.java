package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 6 arguments that returns a value, such as {@code FraudScorer::score}. */
@FunctionalInterface
public interface ActorFunc6<A, P1, P2, P3, P4, P5, P6, R> extends Serializable {
    R apply(A actor, P1 p1, P2 p2, P3 p3, P4 p4, P5 p5, P6 p6) throws Exception;
}
