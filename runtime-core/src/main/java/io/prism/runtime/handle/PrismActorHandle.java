package io.prism.runtime.handle;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.exception.ActorDiedException;
import io.prism.exception.PrismException;
import io.prism.runtime.call.CallRegistry;
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

    /** What the call path needs per method, built once; it also sends a call again when its actor moved. */
    private final class CallSite implements CallRegistry.Moved {
        final MethodRef ref;
        final String what;
        final Function<ErrorInfo, PrismException> onError;

        CallSite(MethodRef ref) {
            this.ref = ref;
            this.what = ref.display() + " on " + describe;
            this.onError = e -> Errors.toException(e, describe, ref.display());
        }

        @Override
        public void resend(CompletableFuture<Object> future, Object[] args, int movesLeft) {
            client.locations().invalidate(id);
            dispatch(future, this, args, movesLeft);
        }
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

    /**
     * Calls the actor where it runs now. A host that answers that the actor moved before running the call has the
     * registry send it again ({@link CallRegistry.Moved}), up to {@value #MOVES_FOLLOWED} times, to the new location.
     */
    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> callAnywhere(MethodRef ref, Object[] args, int movesLeft) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        CallSite site = site(ref);
        dispatch(future, site, args, movesLeft);
        if (site.ref.returnsFuture()) {
            // the host waits for the method's own future and sends its value; the caller's type is still a future
            return (CompletableFuture<R>) future.thenApply(CompletableFuture::completedFuture);
        }
        return (CompletableFuture<R>) future;
    }

    /**
     * Sends the call where the actor runs, finding out first when that is not cached. Nothing it throws escapes: it
     * also runs on the reply actor's thread (a resend) and in a lookup's callback, where it would be lost.
     */
    private void dispatch(CompletableFuture<Object> future, CallSite site, Object[] args, int movesLeft) {
        try {
            ActorLocation location = location();
            if (location != null) {
                call(future, location, site, args, movesLeft);
            } else {
                client.locate(id, describe).whenComplete((l, e) -> {
                    if (e != null) {
                        future.completeExceptionally(unwrap(e));
                    } else {
                        try {
                            call(future, l, site, args, movesLeft);
                        } catch (RuntimeException | StackOverflowError t) {
                            future.completeExceptionally(t);
                        }
                    }
                });
            }
        } catch (RuntimeException | StackOverflowError t) {
            future.completeExceptionally(t);
        }
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
            site = new CallSite(ref);
            sites.put(ref, site);
        }
        return site;
    }

    private void call(CompletableFuture<Object> future, ActorLocation location, CallSite site, Object[] args,
                      int movesLeft) {
        boolean remote = isRemote(location);
        WirePayload payload = null;
        if (remote) {
            try {
                payload = client.wire().encode(args);
            } catch (WireException e) {
                future.completeExceptionally(e);
                return;
            }
        }
        // a host in this JVM moves too when its node drains, so local calls follow moves as remote ones do
        long callId = client.registry().register(future, location.host(), client.callTimeout(), site.onError,
            site.what, site, args, movesLeft);
        location.host().tell(payload == null ? new Invoke(callId, site.ref, args, client.replyTo())
            : new Invoke(callId, site.ref, null, payload, client.replyTo()));
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
