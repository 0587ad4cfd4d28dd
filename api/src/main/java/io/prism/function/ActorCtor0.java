package io.prism.function;

import java.io.Serializable;

/** A constructor reference with 0 arguments, such as {@code FraudScorer::new}. Serializable so Prism can name the constructor. */
@FunctionalInterface
public interface ActorCtor0<A> extends Serializable {
    A create() throws Exception;
}
