package io.prism.function;

import java.io.Serializable;

/** A constructor reference with 1 argument, such as {@code FraudScorer::new}. Serializable so Prism can name the constructor. */
@FunctionalInterface
public interface ActorCtor1<A, P1> extends Serializable {
    A create(P1 p1) throws Exception;
}
