package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.ActorCallException;
import io.prism.exception.ActorCreationException;
import io.prism.exception.ActorDiedException;
import io.prism.exception.ActorNameTakenException;
import io.prism.function.ActorFunc0;
import io.prism.runtime.TestActors.Counter;
import io.prism.runtime.TestActors.Gate;
import io.prism.runtime.TestActors.Unbuildable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Calls, results and failures through an embedded Prism, as a user sees them. */
class EmbeddedCallsTest {
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").cpus(64).build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void callsRunInOrderAndKeepState() {
        ActorHandle<Counter> counter = prism.actor(Counter::new, 10L).create();
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            results.add(counter.call(Counter::add, 1));
        }
        assertThat(results.get(999).join()).isEqualTo(1_010L);
        assertThat(results).extracting(CompletableFuture::join).isSorted();
        assertThat(counter.call(Counter::get).join()).isEqualTo(1_010L);
        counter.call(Counter::reset).join();
        assertThat(counter.call(Counter::get).join()).isZero();
    }

    @Test
    void argumentsAndResultsOfSeveralTypes() {
        ActorHandle<Counter> counter = prism.actor(Counter::new, 4L).create();
        String s = counter.call(Counter::describe, "v=", 0.5, true, List.of("a", "b"), new int[3], '!').join();
        assertThat(s).isEqualTo("V=2.0[A, B]3!");
    }

    @Test
    void tellIsFireAndForgetButOrderedWithCalls() {
        ActorHandle<Counter> counter = prism.actor(Counter::new).create();
        counter.tell(Counter::add, 5);
        counter.tell(Counter::add, 6);
        assertThat(counter.call(Counter::get).join()).isEqualTo(11L);
    }

    @Test
    void asyncMethodsCompleteTheCallersFuture() {
        ActorHandle<Counter> counter = prism.actor(Counter::new, 40L).create();
        assertThat(counter.call(Counter::later, 2L).join().join()).isEqualTo(42L);
    }

    @Test
    void aMethodThatThrowsGivesTheRemoteClassMessageAndStackAndTheActorLivesOn() {
        ActorHandle<Counter> counter = prism.actor(Counter::new).create();
        assertThatThrownBy(() -> counter.call(Counter::fail, "bad tx").get())
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOfSatisfying(ActorCallException.class, e -> {
                assertThat(e.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
                assertThat(e.getMessage()).contains("Counter::fail", "bad tx");
                assertThat(e.remote().remoteMessage()).isEqualTo("bad tx");
                assertThat(e.remote().getStackTrace()).anySatisfy(frame -> {
                    assertThat(frame.getClassName()).endsWith("TestActors$Counter");
                    assertThat(frame.getMethodName()).isEqualTo("fail");
                });
            });
        assertThat(counter.call(Counter::add, 1).join()).isEqualTo(1L);
    }

    @Test
    void aConstructorThatThrowsFailsCreateWithTheCause() {
        assertThatThrownBy(() -> prism.actor(Unbuildable::new, "no model file").create())
            .isInstanceOf(ActorCreationException.class)
            .hasMessageContaining("Unbuildable")
            .hasMessageContaining("java.lang.IllegalArgumentException: no model file")
            .cause().hasMessageContaining("no model file");
    }

    @Test
    void aKilledActorFailsCallsWithActorDied() {
        ActorHandle<Counter> counter = prism.actor(Counter::new).name("doomed").create();
        assertThat(counter.call(Counter::add, 1).join()).isEqualTo(1L);
        counter.kill();
        assertThatThrownBy(() -> counter.call(Counter::get).join())
            .hasCauseInstanceOf(ActorDiedException.class)
            .hasMessageContaining("killed");
        assertThat(prism.actor("doomed", Counter.class)).isEmpty();
    }

    @Test
    void anotherHandleToAKilledActorFailsWithActorDiedNotATimeout() {
        ActorHandle<Counter> counter = prism.actor(Counter::new).name("short-lived").create();
        ActorHandle<Counter> other = prism.actor("short-lived", Counter.class).orElseThrow();
        assertThat(other.call(Counter::add, 2).join()).isEqualTo(2L);
        counter.kill();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
            assertThatThrownBy(() -> other.call(Counter::get).join())
                .hasCauseInstanceOf(ActorDiedException.class));
    }

    @Test
    void namedActorsAreFoundByNameAndNamesAreUnique() {
        ActorHandle<Counter> first = prism.actor(Counter::new, 7L).name("counter-a").create();
        assertThatThrownBy(() -> prism.actor(Counter::new).name("counter-a").create())
            .isInstanceOf(ActorNameTakenException.class)
            .hasMessageContaining("'counter-a'")
            .hasMessageContaining("Counter");
        ActorHandle<Counter> found = prism.actor("counter-a", Counter.class).orElseThrow();
        assertThat(found.id()).isEqualTo(first.id());
        assertThat(found.call(Counter::get).join()).isEqualTo(7L);
        assertThat(prism.actor("no-such-actor", Counter.class)).isEmpty();
        assertThatThrownBy(() -> prism.actor("counter-a", Gate.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a " + Gate.class.getName());
    }

    @Test
    void oneCallAtATimeUnlessMaxConcurrencyIsRaised() throws InterruptedException {
        ActorHandle<Gate> parallel = prism.actor(Gate::new).maxConcurrency(4).create();
        CountDownLatch allInside = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(parallel.call(Gate::pass, allInside, release));
        }
        assertThat(allInside.await(10, TimeUnit.SECONDS)).as("4 calls inside at once").isTrue();
        release.countDown();
        assertThat(calls).extracting(CompletableFuture::join).contains(4);

        ActorHandle<Gate> serial = prism.actor(Gate::new).create();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch releaseSerial = new CountDownLatch(1);
        CompletableFuture<Integer> a = serial.call(Gate::pass, twoInside, releaseSerial);
        CompletableFuture<Integer> b = serial.call(Gate::pass, twoInside, releaseSerial);
        assertThat(twoInside.await(300, TimeUnit.MILLISECONDS)).as("a serial actor never runs two calls").isFalse();
        releaseSerial.countDown();
        assertThat(List.of(a.join(), b.join())).containsOnly(1);
    }

    @Test
    void lambdasAreRefusedWithAHintToUseAMethodReference() {
        ActorHandle<Counter> counter = prism.actor(Counter::new).create();
        assertThatThrownBy(() -> counter.call((ActorFunc0<Counter, Long>) c -> c.add(1)).join())
            .hasCauseInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("method reference");
    }
}
