package io.prism.runtime.call;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prism.exception.ActorDiedException;
import io.prism.exception.PrismException;
import io.prism.runtime.protocol.ErrorInfo;
import org.apache.pekko.actor.typed.ActorRef;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The futures this JVM waits on, by correlation id: calls to actors and control requests to the resource manager.
 * Callers register; the reply actor completes. Thread-safe.
 *
 * <p>A call to a host that has just terminated must fail rather than wait for its timeout. Registration and
 * termination race, so both sides follow one order: a caller registers and then checks whether its target is known
 * dead; the reply actor marks the target dead and then sweeps the registered calls. Whichever comes second sees the
 * other's write.
 */
public final class CallRegistry {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    /** Requests sent again until answered, by id; entries of answered requests are dropped by the next sweep. */
    private final Map<Long, Resend> resends = new ConcurrentHashMap<>();
    private final Cache<ActorRef<?>, String> deadTargets = Caffeine.newBuilder().maximumSize(100_000).build();
    /** No host has died yet: the common case skips the dead-target lookup on every call. */
    private volatile boolean anyDead;
    /**
     * A clock advanced by every sweep: reading {@code System.nanoTime()} per call costs more than the deadlines
     * need, and deadlines add one sweep interval so no call expires early.
     */
    private volatile long coarseNanos = System.nanoTime();
    private final long sweepNanos;

    private final ScheduledExecutorService sweeper;

    public CallRegistry(Duration sweepInterval) {
        this.sweepNanos = sweepInterval.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prism-call-timeouts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Fails calls past their deadline every sweep interval, on a thread of its own. */
    public void startSweeping() {
        sweeper.scheduleWithFixedDelay(() -> expire(System.nanoTime()), sweepNanos, sweepNanos,
            TimeUnit.NANOSECONDS);
    }

    /**
     * One awaited reply. {@code target} is the host called, or null for control requests; {@code moved} sends a
     * call again when its host answers that the actor moved, with {@code args} and {@code movesLeft}.
     */
    public record Pending(CompletableFuture<Object> future, ActorRef<?> target, long deadlineNanos,
                          Function<ErrorInfo, PrismException> onError, String what, Moved moved, Object[] args,
                          int movesLeft) {
    }

    /**
     * Where a call goes when its host answered that the actor now runs elsewhere: it is sent there, completing the
     * same future. Kept by the registration, so a call pays for following a move only when its actor moved.
     */
    public interface Moved {
        void resend(CompletableFuture<Object> future, Object[] args, int movesLeft);
    }

    private static final class Resend {
        final Runnable send;
        final long everyNanos;
        long nextNanos;

        Resend(Runnable send, long everyNanos, long nextNanos) {
            this.send = send;
            this.everyNanos = everyNanos;
            this.nextNanos = nextNanos;
        }
    }

    /**
     * Runs {@code send} again every {@code every} (checked by the sweep, so up to one sweep interval later) until the
     * reply of {@code id} came or it expired. One sweep serves every such request: a timer task per request cost a
     * scheduled task and a pool hand-off per create.
     */
    public void resendUntilAnswered(long id, Duration every, Runnable send) {
        long everyNanos = every.toNanos();
        resends.put(id, new Resend(send, everyNanos, coarseNanos + everyNanos));
        if (!pending.containsKey(id)) {
            resends.remove(id);
        }
    }

    /**
     * Registers a future for a reply; the returned id goes into the request.
     *
     * @param onError turns a failure reply into the exception the caller sees
     * @param what    what is awaited, for timeout messages ("FraudScorer::score on FraudScorer 'fraud-1'")
     */
    public long register(CompletableFuture<Object> future, ActorRef<?> target, Duration timeout,
                         Function<ErrorInfo, PrismException> onError, String what) {
        return register(future, target, timeout, onError, what, null, null, 0);
    }

    /**
     * Registers a call that follows its actor: a MOVED answer goes to {@code moved} while {@code movesLeft} is above
     * 0, instead of failing the future.
     */
    public long register(CompletableFuture<Object> future, ActorRef<?> target, Duration timeout,
                         Function<ErrorInfo, PrismException> onError, String what, Moved moved, Object[] args,
                         int movesLeft) {
        long id = ids.incrementAndGet();
        pending.put(id, new Pending(future, target, coarseNanos + sweepNanos + timeout.toNanos(), onError, what,
            moved, args, movesLeft));
        if (target != null && anyDead) {
            String why = deadTargets.getIfPresent(target);
            if (why != null) {
                fail(id, new ActorDiedException(what + " failed: " + why));
            }
        }
        return id;
    }

    /** Completes the future of {@code id} with {@code value}; false when nobody waits for it any more. */
    public boolean complete(long id, Object value) {
        Pending p = pending.remove(id);
        return p != null && p.future().complete(value);
    }

    /** Fails the future of {@code id} with the exception its registration maps {@code error} to. */
    public void fail(long id, ErrorInfo error) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        if (error.kind() == ErrorInfo.Kind.MOVED && p.moved() != null && p.movesLeft() > 0) {
            try {
                p.moved().resend(p.future(), p.args(), p.movesLeft() - 1);
            } catch (RuntimeException e) {
                // runs on the reply actor: a resend that throws fails its own call, never the actor
                p.future().completeExceptionally(e);
            }
        } else {
            p.future().completeExceptionally(p.onError().apply(error));
        }
    }

    public void fail(long id, Throwable t) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future().completeExceptionally(t);
        }
    }

    /** Forgets a registration whose request could not be sent. */
    public void cancel(long id) {
        pending.remove(id);
    }

    /** Marks {@code target} dead and fails every call waiting on it. */
    public void targetDied(ActorRef<?> target, String why) {
        deadTargets.put(target, why);
        anyDead = true;
        pending.forEach((id, p) -> {
            if (target.equals(p.target())) {
                fail(id, new ActorDiedException(p.what() + " failed: " + why));
            }
        });
    }

    /** Fails every registration past its deadline. */
    public void expire(long nowNanos) {
        coarseNanos = nowNanos;
        resends.forEach((id, r) -> {
            if (!pending.containsKey(id)) {
                resends.remove(id);
            } else if (nowNanos - r.nextNanos >= 0) {
                r.nextNanos = nowNanos + r.everyNanos;
                r.send.run();
            }
        });
        pending.forEach((id, p) -> {
            if (nowNanos - p.deadlineNanos() > 0) {
                fail(id, new PrismException(p.what() + " got no reply in time",
                    new TimeoutException("no reply within the timeout")));
            }
        });
    }

    /** Fails everything still waiting: the runtime is shutting down. */
    public void failAll(String why) {
        sweeper.shutdownNow();
        pending.forEach((id, p) -> fail(id, new PrismException(p.what() + " failed: " + why)));
    }

    public int size() {
        return pending.size();
    }
}
