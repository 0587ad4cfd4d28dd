package io.prism.function;

import java.io.Serializable;

/** A constructor reference with 2 arguments, such as {@code FraudScorer::new}. Serializable so Prism can name the constructor. */
@FunctionalInterface
public interface ActorCtor2<A, P1, P2> extends Serializable {
    A create(P1 p1, P2 p2) throws Exception;
}
