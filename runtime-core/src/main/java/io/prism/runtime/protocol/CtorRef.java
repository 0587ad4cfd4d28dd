package io.prism.runtime.protocol;

/**
 * Names one constructor of an actor class, as read from a constructor reference such as {@code FraudScorer::new}.
 *
 * @param className  binary name of the actor class
 * @param descriptor the constructor's JVM descriptor, e.g. {@code (Ljava/lang/String;)V}
 */
public record CtorRef(String className, String descriptor) {
}
