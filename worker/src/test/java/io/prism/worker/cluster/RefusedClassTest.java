package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.worker.cluster.actors.Probe;
import io.prism.worker.cluster.unlisted.Coupon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call argument whose class is not in an allowed package fails that call, naming the class and the setting that
 * would allow it, and leaves the actor and its worker serving other calls.
 */
class RefusedClassTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();

    /** The caller's own JVM refuses the value before it is sent, so the call fails at once, not at its timeout. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);
    private final List<ActorHandle<Probe>> created = new ArrayList<>();

    @AfterEach
    void killActors() {
        TestCluster.killAll(created);
    }

    @Test
    void anArgumentFromAPackageNotAllowedFailsTheCallAndTheWorkerServesOn() throws Exception {
        ActorHandle<Probe> probe = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(probe);

        assertThat(probe.call(Probe::redeem, new Coupon("SPRING", 10))).failsWithin(REFUSED_WITHIN)
            .withThrowableThat()
            .withMessageContaining(Coupon.class.getName())
            .withMessageContaining("prism.serialization.allowed-packages");

        assertThat(probe.call(Probe::echo, "still here").get(TestCluster.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .isEqualTo("still here");
        ActorHandle<Probe> another = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(another);
        assertThat(another.call(Probe::add, 1, 1).get(TestCluster.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .isEqualTo(2);
    }
}
