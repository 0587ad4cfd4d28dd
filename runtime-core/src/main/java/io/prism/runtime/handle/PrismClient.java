package io.prism.runtime.handle;

import io.prism.ActorHandle;
import io.prism.ActorId;
import io.prism.ClusterState;
import io.prism.exception.PrismException;
import io.prism.runtime.call.CallRegistry;
import io.prism.runtime.call.Errors;
import io.prism.runtime.call.Replies;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.protocol.ActorLocation;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import org.apache.pekko.actor.typed.ActorRef;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A JVM's way into the cluster as a caller: control requests to the resource manager and calls to hosts, all
 * answered through the JVM's one reply actor by correlation id.
 */
public final class PrismClient {
    private final ActorRef<ResourceManager.Command> manager;
    private final ActorRef<PrismMessage> replies;
    private final ActorRef<Reply> replyTo;
    private final CallRegistry registry;
    private final LocationCache locations;
    private final Duration callTimeout;
    private final Duration controlTimeout;
    private final PrismKryo wire;
    private static final Duration RESEND_AFTER = Duration.ofSeconds(3);

    public PrismClient(ActorRef<ResourceManager.Command> manager, ActorRef<PrismMessage> replies,
                       CallRegistry registry, LocationCache locations, Duration callTimeout,
                       Duration controlTimeout, PrismKryo wire) {
        this.manager = manager;
        this.replies = replies;
        this.replyTo = Replies.replyTo(replies);
        this.registry = registry;
        this.locations = locations;
        this.callTimeout = callTimeout;
        this.controlTimeout = controlTimeout;
        this.wire = wire;
    }

    /** Encodes values for another JVM on the caller's thread. */
    PrismKryo wire() {
        return wire;
    }

    /** Creates the actor {@code spec} describes; completes with its handle once it is ready for calls. */
    public <A> CompletableFuture<ActorHandle<A>> create(ActorSpec spec) {
        Duration wait = controlTimeout.plus(spec.placementTimeout());
        return this.<ActorLocation>control(id -> new ResourceManager.CreateActor(spec, id, replyTo), wait,
                spec.describe(), "create " + spec.describe())
            .<ActorHandle<A>>thenApply(location -> {
                remember(location);
                return new PrismActorHandle<>(this, location.id(), location.name(), location.className());
            })
            .whenComplete((handle, error) -> {
                if (error != null && isTimeout(error)) {
                    // the manager may still build it: do not leave an actor nobody holds a handle to
                    manager.tell(new ResourceManager.KillActor(spec.id(), 0, replyTo));
                }
            });
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The live actor named {@code name}, if any, as an {@code actorClass}. */
    public <A> CompletableFuture<Optional<ActorHandle<A>>> lookup(String name, Class<A> actorClass) {
        return this.<ActorLocation>control(id -> new ResourceManager.LookupName(name, id, replyTo), controlTimeout,
                "actor '" + name + "'", "look up actor '" + name + "'")
            .thenApply(location -> {
                if (location == null) {
                    return Optional.empty();
                }
                checkClass(name, location.className(), actorClass);
                remember(location);
                return Optional.of(new PrismActorHandle<>(this, location.id(), location.name(),
                    location.className()));
            });
    }

    public CompletableFuture<ClusterState> state() {
        return control(id -> new ResourceManager.GetState(id, replyTo), controlTimeout, "cluster",
            "read the cluster state");
    }

    CompletableFuture<Void> kill(ActorId actor, String describe) {
        return this.<Void>control(id -> new ResourceManager.KillActor(actor, id, replyTo), controlTimeout, describe,
            "kill " + describe).whenComplete((v, e) -> locations.invalidate(actor));
    }

    /** Where {@code actor} runs now: from the cache, or from the resource manager (waiting while it restarts). */
    CompletableFuture<ActorLocation> locate(ActorId actor, String describe) {
        ActorLocation cached = locations.get(actor);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return this.<ActorLocation>control(id -> new ResourceManager.Locate(actor, id, replyTo),
                controlTimeout, describe, "locate " + describe)
            .thenApply(location -> {
                remember(location);
                return location;
            });
    }

    ActorLocation cachedLocation(ActorId actor) {
        return locations.get(actor);
    }

    LocationCache locations() {
        return locations;
    }

    CallRegistry registry() {
        return registry;
    }

    ActorRef<Reply> replyTo() {
        return replyTo;
    }

    Duration callTimeout() {
        return callTimeout;
    }

    private void remember(ActorLocation location) {
        // cached before watched: a host already dead must find its entry there to drop it
        locations.put(location);
        replies.tell(new Replies.Watch(location.host(),
            ActorSpec.describe(location.className(), location.name(), location.id())));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> control(LongFunction<ResourceManager.Command> request, Duration timeout,
                                             String actor, String what) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Function<ErrorInfo, PrismException> onError = e -> Errors.toException(e, actor, null);
        long id = registry.register(future, null, timeout, onError, what);
        ResourceManager.Command message = request.apply(id);
        manager.tell(message);
        // resent until answered: one sent while the resource manager moves (its node died) is otherwise lost; the
        // manager answers repeats of the same request once (creates are keyed by the actor's id)
        registry.resendUntilAnswered(id, RESEND_AFTER, () -> manager.tell(message));
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    private static void checkClass(String name, String actualClass, Class<?> wanted) {
        try {
            Class<?> actual = Class.forName(actualClass, false, wanted.getClassLoader());
            if (!wanted.isAssignableFrom(actual)) {
                throw new IllegalArgumentException("actor '" + name + "' is a " + actualClass + ", not a "
                    + wanted.getName() + ": look it up with prism.actor(\"" + name + "\", "
                    + actual.getSimpleName() + ".class)");
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("actor '" + name + "' is a " + actualClass
                + ", which is not on this JVM's class path", e);
        }
    }
}
