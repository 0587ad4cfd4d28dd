package io.prism.benchmarks.roundtrip;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw Pekko baselines across JVMs, against {@link ClusterChild}'s ponger: a plain remote system in this JVM
 * whose messages are {@code byte[]} of an 8-byte id and an 8-byte value, which Pekko's ByteArraySerializer copies
 * as they are, the cheapest serialization there is.
 *
 * <ul>
 *   <li>{@link #tell()}: {@code tell} with a correlation id and one long-lived reply actor as the sender; the reply
 *   actor completes the caller's future, found by id in a {@link ConcurrentHashMap}, as Prism's reply actor does.
 *   </li>
 *   <li>{@link #ask()}: {@code Patterns.ask}, a temporary actor per call whose path travels with the request; the
 *   typed {@code AskPattern.ask} is built on the same temporary actor, so it pays the same on the wire.</li>
 * </ul>
 */
final class RemotePekkoEcho implements AutoCloseable {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem system;
    private final ActorRef ponger;
    private final ActorRef replies;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    RemotePekkoEcho(String pongerPath) throws Exception {
        system = ActorSystem.create("ping", ConfigFactory.parseString("""
            pekko.actor.provider = remote
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.loglevel = WARNING
            pekko.remote.warn-about-direct-use = off
            pekko.remote.warn-unsafe-watch-outside-cluster = off
            """).withFallback(ConfigFactory.load()));
        ponger = system.actorSelection(pongerPath).resolveOne(Duration.ofSeconds(20)).toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        replies = system.actorOf(Props.create(Replies.class, () -> new Replies(pending)), "replies");
    }

    private static byte[] message(long id, long value) {
        return ByteBuffer.allocate(ClusterChild.MESSAGE_BYTES).putLong(id).putLong(value).array();
    }

    RoundTrip tell() {
        return new RoundTrip() {
            @Override
            public String name() {
                return "tell+id";
            }

            @Override
            public CompletableFuture<?> call(Long value) {
                CompletableFuture<Object> future = new CompletableFuture<>();
                long id = ids.incrementAndGet();
                pending.put(id, future);
                ponger.tell(message(id, value), replies);
                return future;
            }
        };
    }

    RoundTrip ask() {
        return new RoundTrip() {
            @Override
            public String name() {
                return "ask";
            }

            @Override
            public CompletableFuture<?> call(Long value) {
                CompletableFuture<Object> future = new CompletableFuture<>();
                // Runnable::run: the stage's default executor would start a thread per callback on 2 cores
                Patterns.ask(ponger, message(0, value), ASK_TIMEOUT).whenCompleteAsync((reply, error) -> {
                    if (error == null) {
                        future.complete(ByteBuffer.wrap((byte[]) reply).getLong(8));
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

    /** Completes the future waiting under the reply's id with the reply's value. */
    static final class Replies extends AbstractActor {
        private final Map<Long, CompletableFuture<Object>> pending;

        Replies(Map<Long, CompletableFuture<Object>> pending) {
            this.pending = pending;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(byte[].class, bytes -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                CompletableFuture<Object> future = pending.remove(buffer.getLong(0));
                if (future != null) {
                    future.complete(buffer.getLong(8));
                }
            }).build();
        }
    }
}
