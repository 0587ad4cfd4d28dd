package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.worker.cluster.actors.Probe;
import io.prism.worker.cluster.unlisted.Coupon;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A call argument or result whose class is not in an allowed package fails that call, naming the class and the setting that
 * would allow it, and leaves the actor and its worker serving other calls. The value is refused by the JVM that
 * would send it: the driver for an argument, the worker for a result.
 */
@Order(Order.DEFAULT + 3)
class RefusedClassTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.shared();

    /** The sending JVM refuses the value as it encodes it, so the call fails at once, not at its timeout. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);
    private final List<ActorHandle<Probe>> created = new ArrayList<>();

    @AfterEach
    void killActors() {
        TestCluster.killAll(created);
    }

    @Test
    void anArgumentFromAPackageNotAllowedFailsTheCallAndTheWorkerServesOn() {
        ActorHandle<Probe> probe = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(probe);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(probe.call(Probe::redeem, new Coupon("SPRING", 10))).failsWithin(REFUSED_WITHIN)
                .withThrowableThat()
                .withMessageContaining(Coupon.class.getName())
                .withMessageContaining("prism.serialization.allowed-packages");
            assertServesOn(soft, probe);
        });
    }

    @Test
    void aResultFromAPackageNotAllowedFailsTheCallAndTheWorkerServesOn() {
        ActorHandle<Probe> probe = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(probe);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(probe.call(Probe::coupon, "AUTUMN")).failsWithin(REFUSED_WITHIN)
                .withThrowableThat()
                .withMessageContaining(Coupon.class.getName())
                .withMessageContaining("prism.serialization.allowed-packages");
            assertServesOn(soft, probe);
        });
    }

    /** The refused call's actor answers the next call, and its worker takes a new actor. */
    private void assertServesOn(SoftAssertions soft, ActorHandle<Probe> probe) {
        soft.assertThat(probe.call(Probe::echo, "still here")).succeedsWithin(TestCluster.CALL_TIMEOUT)
            .isEqualTo("still here");
        ActorHandle<Probe> another = CLUSTER.cluster().driver.actor(Probe::new).create();
        created.add(another);
        soft.assertThat(another.call(Probe::add, 1, 1)).succeedsWithin(TestCluster.CALL_TIMEOUT).isEqualTo(2);
    }
}
