package io.prism.benchmarks.roundtrip;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baselines: two typed actors in a plain Pekko system, set up the way Prism sets up a host and its JVM's reply
 * actor, so that the only difference left is what Prism does on top.
 *
 * <ul>
 *   <li>The ponger runs on {@code prism-actor-dispatcher} (Prism's reference.conf, where Prism's hosts run) and
 *   answers each {@link Ping} with a {@link Pong} to the ping's {@code replyTo}.</li>
 *   <li>The reply actor is a long-lived system actor on the default dispatcher, as Prism's {@code prism-replies}
 *   is; it completes the caller's future, found by correlation id in a {@link ConcurrentHashMap}.</li>
 *   <li>{@link #tell()} is baseline A, that pair; {@link #ask()} is baseline B, {@link AskPattern#ask} to the same
 *   ponger, which makes a temporary actor (and a timeout on the scheduler) per call.</li>
 * </ul>
 *
 * <p>The stage {@code AskPattern.ask} returns runs every callback attached without an executor asynchronously, on
 * {@code CompletableFuture}'s default executor; with 2 cores the common pool has parallelism 1, so that executor
 * starts a new thread per callback, which alone holds ask to about 6,500 calls/s. Baseline B therefore hands its
 * result on with {@code whenCompleteAsync(..., Runnable::run)}, on the replying thread, as A's reply actor does.
 *
 * <p>The system is local ({@code pekko.actor.provider = local}); a message between two actors of one JVM takes the
 * same path, a mailbox enqueue, under the cluster provider Prism uses.
 */
public final class PekkoEcho implements AutoCloseable {
    /** The request: echo {@code value} back to {@code replyTo} with {@code id}. */
    public record Ping(long id, Object value, ActorRef<Pong> replyTo) {
    }

    /** The reply. */
    public record Pong(long id, Object value) {
    }

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem<Void> system;
    private final ActorRef<Ping> ponger;
    private final ActorRef<Pong> replies;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public PekkoEcho() {
        system = ActorSystem.create(Behaviors.empty(), "baseline",
            ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
        ponger = system.systemActorOf(ponger(), "ponger", DispatcherSelector.fromConfig("prism-actor-dispatcher"));
        replies = system.systemActorOf(replies(pending), "replies", Props.empty());
    }

    private static Behavior<Ping> ponger() {
        return Behaviors.receive(Ping.class)
            .onMessage(Ping.class, ping -> {
                ping.replyTo().tell(new Pong(ping.id(), ping.value()));
                return Behaviors.same();
            })
            .build();
    }

    private static Behavior<Pong> replies(Map<Long, CompletableFuture<Object>> pending) {
        return Behaviors.receive(Pong.class)
            .onMessage(Pong.class, pong -> {
                CompletableFuture<Object> future = pending.remove(pong.id());
                if (future != null) {
                    future.complete(pong.value());
                }
                return Behaviors.same();
            })
            .build();
    }

    /** Baseline A: {@code tell} with a correlation id; the reply actor completes the future. */
    public RoundTrip tell() {
        return new RoundTrip() {
            @Override
            public String name() {
                return "A: tell+id";
            }

            @Override
            public CompletableFuture<?> call(Long value) {
                CompletableFuture<Object> future = new CompletableFuture<>();
                long id = ids.incrementAndGet();
                pending.put(id, future);
                ponger.tell(new Ping(id, value, replies));
                return future;
            }
        };
    }

    /** Baseline B: {@code AskPattern.ask}, a temporary actor per call. */
    public RoundTrip ask() {
        return new RoundTrip() {
            @Override
            public String name() {
                return "B: ask";
            }

            @Override
            public CompletableFuture<?> call(Long value) {
                CompletableFuture<Object> future = new CompletableFuture<>();
                AskPattern.<Ping, Pong>ask(ponger, replyTo -> new Ping(0, value, replyTo), ASK_TIMEOUT,
                        system.scheduler())
                    .whenCompleteAsync((pong, error) -> {
                        if (error == null) {
                            future.complete(pong.value());
                        } else {
                            future.completeExceptionally(error);
                        }
                    }, Runnable::run);
                return future;
            }
        };
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the run is over; a slow shutdown of the baseline system changes none of its numbers
        }
    }
}
