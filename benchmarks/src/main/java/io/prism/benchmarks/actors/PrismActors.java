package io.prism.benchmarks.actors;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;

import java.util.List;

/** An embedded Prism (a real one-node cluster) with CPUs for the {@link Tiny} actors a run creates. */
final class PrismActors implements AutoCloseable {
    private final Prism prism;

    PrismActors(int actors) {
        prism = Prism.start(PrismConfig.builder().gpus("sim:1x16GiB").cpus(actors + 16).build());
    }

    /** {@code createAsync()} of {@code n} actors, each done when its first call is answered. */
    Window.Created<ActorHandle<Tiny>> create(int n, int inFlight) throws InterruptedException {
        return Window.run(n, inFlight, i -> prism.actor(Tiny::new).createAsync()
            .thenCompose(handle -> handle.call(Tiny::ping).thenApply(answer -> handle)));
    }

    static void kill(List<ActorHandle<Tiny>> handles) {
        handles.forEach(ActorHandle::kill);
    }

    @Override
    public void close() {
        prism.close();
    }
}
