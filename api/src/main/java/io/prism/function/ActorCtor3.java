package io.prism.function;

import java.io.Serializable;

/** A constructor reference with 3 arguments, such as {@code FraudScorer::new}. Serializable so Prism can name the constructor. */
@FunctionalInterface
public interface ActorCtor3<A, P1, P2, P3> extends Serializable {
    A create(P1 p1, P2 p2, P3 p3) throws Exception;
}
