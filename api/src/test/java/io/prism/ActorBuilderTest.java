package io.prism;

import io.prism.function.ActorCtor1;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The builder hands the runtime exactly the options the user set. */
class ActorBuilderTest {

    @Test
    void optionsReachTheRuntimeAsSet() {
        AtomicReference<ActorOptions> seen = new AtomicReference<>();
        AtomicReference<Object[]> seenArgs = new AtomicReference<>();
        ActorCtor1<StringBuilder, String> ctor = StringBuilder::new;
        Object[] args = {"seed"};
        ActorBuilder<StringBuilder> builder = new ActorBuilder<>(new io.prism.spi.ActorCreator() {
            @Override
            public <A> CompletableFuture<ActorHandle<A>> create(Serializable constructor, Object[] a,
                                                                ActorOptions options) {
                seen.set(options);
                seenArgs.set(a);
                return new CompletableFuture<>();
            }
        }, ctor, args);
        args[0] = "changed after build";
        builder.name("fraud-1").gpu(0.25).gpuMemory("4GiB").cpus(2).maxRestarts(3).maxConcurrency(8)
            .strategy(PlacementStrategy.SPREAD).placementTimeout(Duration.ofSeconds(5))
            .label("gpu-model", "H100").preferNode("worker-1").createAsync();
        assertThat(seen.get()).isEqualTo(new ActorOptions("fraud-1", 0.25, "4GiB", 2.0, 3, 8,
            PlacementStrategy.SPREAD, Duration.ofSeconds(5), java.util.Map.of("gpu-model", "H100"), "worker-1", true));
        assertThat(seenArgs.get()).containsExactly("seed");
        assertThat(ActorOptions.defaults().maxConcurrency()).isEqualTo(1);
    }
}
