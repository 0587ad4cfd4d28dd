package io.prism.function;

import java.io.Serializable;

/** A constructor reference with 5 arguments, such as {@code FraudScorer::new}. Serializable so Prism can name the constructor. */
@FunctionalInterface
public interface ActorCtor5<A, P1, P2, P3, P4, P5> extends Serializable {
    A create(P1 p1, P2 p2, P3 p3, P4 p4, P5 p5) throws Exception;
}
