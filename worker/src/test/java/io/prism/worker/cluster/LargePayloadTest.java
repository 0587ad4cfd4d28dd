package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.worker.cluster.actors.Probe;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Tensors as {@code float[]} cross JVMs up to the configured payload limit, and fail clearly beyond it. */
@Order(Order.DEFAULT + 2)
class LargePayloadTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();
    /** The caller's JVM refuses the message as it encodes it, so the call fails at once, not at its timeout. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);
    private static final int EIGHT_MIB_OF_FLOATS = 8 * 1024 * 1024 / Float.BYTES;

    private static final List<ActorHandle<Probe>> CREATED = new ArrayList<>();
    private static ActorHandle<Probe> probe;

    @BeforeAll
    static void createProbe() {
        probe = CLUSTER.cluster().driver.actor(Probe::new).create();
        CREATED.add(probe);
    }

    @AfterAll
    static void killProbe() {
        TestCluster.killAll(CREATED);
    }

    @Test
    void anEightMibFloatArrayGoesToAnActorAndComesBack() throws Exception {
        float[] tensor = new float[EIGHT_MIB_OF_FLOATS];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = i * 0.5f;
        }

        float[] doubled = probe.call(Probe::doubled, tensor).get(TestCluster.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(doubled).hasSize(EIGHT_MIB_OF_FLOATS);
        for (int i = 0; i < doubled.length; i++) {
            if (doubled[i] != i * 1.0f) {
                throw new AssertionError("element " + i + " came back as " + doubled[i] + ", expected " + i * 1.0f);
            }
        }
    }

    @Test
    void aPayloadOverTheLimitFailsTheCallWithTheSettingToChangeAndTheActorServesOn() {
        float[] tooBig = new float[3 * EIGHT_MIB_OF_FLOATS];

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(probe.call(Probe::doubled, tooBig)).failsWithin(REFUSED_WITHIN)
                .withThrowableThat().withMessageContaining("prism.serialization.max-payload");
            soft.assertThat(probe.call(Probe::add, 2, 3)).succeedsWithin(TestCluster.CALL_TIMEOUT).isEqualTo(5);
        });
    }
}
