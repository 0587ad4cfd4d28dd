package io.prism.runtime.serialization;

import io.prism.ActorHandle;
import io.prism.ClusterState;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.ActorCallException;
import io.prism.exception.PrismException;
import io.prism.runtime.serialization.allowed.Basket;
import io.prism.runtime.serialization.allowed.Color;
import io.prism.runtime.serialization.allowed.Declined;
import io.prism.runtime.serialization.allowed.Ledger;
import io.prism.runtime.serialization.refused.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static io.prism.runtime.serialization.UserValuesWireTest.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An embedded Prism with Pekko's {@code serialize-messages} on: every message its actors exchange goes through the
 * Kryo serializer and back, in one JVM, as it would between JVMs.
 */
class EmbeddedWireTest {
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:1x16GiB").cpus(4).callTimeout(Duration.ofSeconds(3))
            .set("pekko.actor.serialize-messages", "on")
            .set("prism.serialization.allowed-packages", UserValuesWireTest.ALLOWED).build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void createCallFailAndInspectWithEveryMessageSerialized() {
        ActorHandle<Ledger> ledger = prism.actor(Ledger::new, "main").name("ledger").create();
        assertThat(ledger.call(Ledger::record, tx("t-1")).join()).isEqualTo(1);
        assertThat(ledger.call(Ledger::record, tx("t-2")).join()).isEqualTo(2);
        assertThat(ledger.call(Ledger::seen).join()).containsExactly(tx("t-1"), tx("t-2"));
        assertThat(ledger.call(Ledger::basket).join())
            .isEqualTo(new Basket("main").add(Color.GREEN).add(tx("t-1")).add(tx("t-2")));
        assertThat(ledger.call(Ledger::scale, new float[]{1f, 2f}, 0.5f).join()).containsExactly(0.5f, 1f);

        assertThatThrownBy(() -> ledger.call(Ledger::decline, "card expired").join())
            .isInstanceOf(CompletionException.class).cause().isInstanceOf(ActorCallException.class)
            .hasMessageContaining(Declined.class.getName()).hasMessageContaining("card expired");

        // the proof that messages really are serialized: a refused argument never reaches the actor (until the call
        // path encodes arguments itself, Pekko drops the message and the caller waits out its timeout)
        assertThatThrownBy(() -> ledger.call(Ledger::describe, new Secret("pin")).join())
            .isInstanceOf(CompletionException.class).cause().isInstanceOf(PrismException.class);
        assertThat(ledger.call(Ledger::describe, Color.RED).join()).isEqualTo("RED");

        assertThat(prism.actor("ledger", Ledger.class)).isPresent();
        ClusterState state = prism.state();
        assertThat(state.actors()).anySatisfy(a -> assertThat(a.name()).isEqualTo("ledger"));
        assertThat(state.nodes()).hasSize(1);
        ledger.kill();
        assertThat(prism.actor("ledger", Ledger.class)).isEmpty();
        assertThat(List.of(state.nodes().get(0).gpus().size())).containsExactly(1);
    }
}
