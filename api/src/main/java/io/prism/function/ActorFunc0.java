package io.prism.function;

import java.io.Serializable;

/** A reference to an actor method with 0 arguments that returns a value, such as {@code FraudScorer::score}. */
@FunctionalInterface
public interface ActorFunc0<A, R> extends Serializable {
    R apply(A actor) throws Exception;
}
