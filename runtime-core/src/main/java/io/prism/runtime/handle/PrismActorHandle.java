package io.prism.runtime.handle;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.exception.ActorDiedException;
import io.prism.exception.PrismException;
import io.prism.runtime.call.ActorMovedException;
import io.prism.runtime.call.Errors;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.protocol.ActorLocation;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.serialization.WireException;
import io.prism.runtime.serialization.WirePayload;
import io.prism.spi.AbstractActorHandle;
import io.prism.spi.Futures;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The handle users hold. A call is one {@code tell} of an {@link Invoke} straight to the actor's host, whose reply
 * comes back to this JVM's reply actor; the resource manager is asked only when the location is not cached.
 */
final class PrismActorHandle<A> extends AbstractActorHandle<A> {
    private final PrismClient client;
    private final ActorId id;
    private final String name;
    private final String describe;
    private volatile boolean killed;
    /** Per method called through this handle: what the call path needs, built once instead of per call. */
    private final Map<MethodRef, CallSite> sites = new ConcurrentHashMap<>();
    /** The location last read from the cache, valid while the cache's generation is unchanged. */
    private volatile Remembered remembered;
    /** How often one call follows its actor to a new node before it gives up. */
    private static final int MOVES_FOLLOWED = 3;

    private record CallSite(String what, boolean returnsFuture, Function<ErrorInfo, PrismException> onError) {
    }

    private record Remembered(ActorLocation location, long generation) {
    }

    PrismActorHandle(PrismClient client, ActorId id, String name, String className) {
        this.client = client;
        this.id = id;
        this.name = name;
        this.describe = ActorSpec.describe(className, name, id);
    }

    @Override
    public ActorId id() {
        return id;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public ActorPlacement placement() {
        return Futures.await(client.locate(id, describe)).placement();
    }

    @Override
    public void kill() {
        killed = true;
        Futures.await(client.kill(id, describe));
    }

    @Override
    protected <R> CompletableFuture<R> invoke(Serializable method, Object[] args) {
        MethodRef ref;
        try {
            ref = MethodRefs.method(method);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (killed) {
            return CompletableFuture.failedFuture(new ActorDiedException(ref.display() + " on " + describe
                + " failed: the actor was killed"));
        }
        return callAnywhere(ref, args, MOVES_FOLLOWED);
    }

    /** Calls the actor where it runs now, following it when its node moved it elsewhere before running the call. */
    private <R> CompletableFuture<R> callAnywhere(MethodRef ref, Object[] args, int movesLeft) {
        ActorLocation location = location();
        if (location != null && !isRemote(location)) {
            // a host in this JVM is never drained from under its caller: no move to follow
            return call(location, ref, args);
        }
        CompletableFuture<R> result = location != null ? call(location, ref, args)
            : client.locate(id, describe).thenCompose(l -> call(l, ref, args));
        if (movesLeft == 0) {
            return result;
        }
        return result.exceptionallyCompose(e -> {
            if (unwrap(e) instanceof ActorMovedException) {
                client.locations().invalidate(id);
                return callAnywhere(ref, args, movesLeft - 1);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The cached location, or null: read from the handle while no cache entry was dropped since. */
    private ActorLocation location() {
        Remembered r = remembered;
        long generation = client.locations().generation();
        if (r != null && r.generation() == generation) {
            return r.location();
        }
        ActorLocation location = client.cachedLocation(id);
        remembered = location == null ? null : new Remembered(location, generation);
        return location;
    }

    private CallSite site(MethodRef ref) {
        CallSite site = sites.get(ref);
        if (site == null) {
            site = new CallSite(ref.display() + " on " + describe, ref.returnsFuture(),
                e -> Errors.toException(e, describe, ref.display()));
            sites.put(ref, site);
        }
        return site;
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> call(ActorLocation location, MethodRef ref, Object[] args) {
        WirePayload payload = null;
        if (isRemote(location)) {
            try {
                payload = client.wire().encode(args);
            } catch (WireException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<Object> future = new CompletableFuture<>();
        CallSite site = site(ref);
        long callId = client.registry().register(future, location.host(), client.callTimeout(), site.onError(),
            site.what());
        location.host().tell(payload == null ? new Invoke(callId, ref, args, client.replyTo())
            : new Invoke(callId, ref, null, payload, client.replyTo()));
        if (site.returnsFuture()) {
            // the host waits for the method's own future and sends its value; the caller's type is still a future
            return (CompletableFuture<R>) future.thenApply(CompletableFuture::completedFuture);
        }
        return (CompletableFuture<R>) future;
    }

    @Override
    protected void send(Serializable method, Object[] args) {
        MethodRef ref = MethodRefs.method(method);
        if (killed) {
            throw new ActorDiedException(ref.display() + " on " + describe + " failed: the actor was killed");
        }
        ActorLocation location = location();
        if (location != null) {
            location.host().tell(oneWay(location, ref, args));
        } else {
            client.locate(id, describe).thenAccept(l -> l.host().tell(oneWay(l, ref, args)));
        }
    }

    /** A {@code tell}: arguments that cannot reach another JVM throw here, on the caller's thread. */
    private Invoke oneWay(ActorLocation location, MethodRef ref, Object[] args) {
        return isRemote(location) ? new Invoke(0, ref, null, client.wire().encode(args), null)
            : new Invoke(0, ref, args, null);
    }

    private static boolean isRemote(ActorLocation location) {
        return location.host().path().address().hasGlobalScope();
    }


    @Override
    public String toString() {
        return "ActorHandle[" + describe + "]";
    }
}
