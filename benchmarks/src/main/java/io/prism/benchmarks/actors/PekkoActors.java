package io.prism.benchmarks.actors;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The baseline: a plain Pekko system in which each actor is spawned ({@code systemActorOf}, synchronous) and done
 * once it has handled its first message, which completes the caller's future directly: no reply actor, no lookup.
 */
final class PekkoActors implements AutoCloseable {
    sealed interface Message {
    }

    record Hello(CompletableFuture<Integer> answered) implements Message {
    }

    enum Stop implements Message { STOP }

    private final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "baseline",
        ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
    private int spawned;

    Window.Created<ActorRef<Message>> create(int n, int inFlight) throws InterruptedException {
        return Window.run(n, inFlight, i -> {
            ActorRef<Message> ref = system.systemActorOf(tiny(), "tiny-" + spawned++, Props.empty());
            CompletableFuture<Integer> answered = new CompletableFuture<>();
            ref.tell(new Hello(answered));
            return answered.thenApply(answer -> ref);
        });
    }

    static void stop(List<ActorRef<Message>> refs) {
        refs.forEach(ref -> ref.tell(Stop.STOP));
    }

    private static Behavior<Message> tiny() {
        return Behaviors.receiveMessage(message -> {
            if (message instanceof Hello hello) {
                hello.answered().complete(1);
                return Behaviors.same();
            }
            return Behaviors.stopped();
        });
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    }
}
