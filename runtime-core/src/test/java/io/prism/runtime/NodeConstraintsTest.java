package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.Isolation;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.InvalidResourceRequestException;
import io.prism.runtime.TestActors.Counter;
import io.prism.runtime.TestActors.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Label constraints and node affinity, as the builder takes them. */
class NodeConstraintsTest {
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:1x16GiB").nodeName("edge-1")
            .set("prism.labels.gpu-model", "sim").set("prism.labels.zone", "a").build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void anActorLandsOnANodeWithItsLabelsAndOnTheNodeItIsBoundTo() {
        ActorHandle<Quarter> labelled = prism.actor(Quarter::new).label("zone", "a").label("gpu-model", "sim")
            .create();
        assertThat(labelled.placement().node()).isEqualTo("edge-1");
        ActorHandle<Counter> bound = prism.actor(Counter::new).node("edge-1").create();
        assertThat(bound.placement().node()).isEqualTo("edge-1");
        ActorHandle<Counter> preferring = prism.actor(Counter::new).preferNode("elsewhere").create();
        assertThat(preferring.placement().node()).isEqualTo("edge-1");
    }

    @Test
    void aLabelNoNodeHasOrAnUnknownNodeFailsFastNamingIt() {
        assertThatThrownBy(() -> prism.actor(Quarter::new).label("zone", "b").create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("zone");
        assertThatThrownBy(() -> prism.actor(Counter::new).node("worker-9").create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("worker-9");
    }

    @Test
    void anActorThatAsksForItsOwnProcessFailsFastOnANodeWithoutExecutors() {
        assertThatThrownBy(() -> prism.actor(Quarter::new).isolation(Isolation.PROCESS).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("prism.isolation");
    }
}
