package io.prism.spi;

import io.prism.ActorHandle;
import io.prism.ActorOptions;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/** What an {@link io.prism.ActorBuilder} calls to create its actor. */
@FunctionalInterface
public interface ActorCreator {
    <A> CompletableFuture<ActorHandle<A>> create(Serializable constructor, Object[] args, ActorOptions options);
}
