package io.prism.runtime.protocol;

/**
 * Names one instance method of an actor class, as read from a method reference such as {@code FraudScorer::score}.
 *
 * @param className  binary name of the class declaring the method
 * @param name       the method's name
 * @param descriptor its JVM descriptor, e.g. {@code (Lio/prism/examples/fraud/Transaction;)F}
 */
public record MethodRef(String className, String name, String descriptor) {

    /** "FraudScorer::score", for messages. */
    public String display() {
        return ActorSpec.simpleName(className) + "::" + name;
    }

    /** True for methods returning CompletableFuture or CompletionStage, whose result the host awaits. */
    public boolean returnsFuture() {
        return descriptor.endsWith(")Ljava/util/concurrent/CompletableFuture;")
            || descriptor.endsWith(")Ljava/util/concurrent/CompletionStage;");
    }

    @Override
    public String toString() {
        return display();
    }
}
