package io.prism.runtime.serialization;

import com.typesafe.config.Config;
import io.prism.runtime.PrismConfigLoader;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.allowed.Transaction;
import io.prism.runtime.serialization.refused.Secret;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.prism.runtime.serialization.UserValuesWireTest.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two actor systems that form a Pekko cluster with Java serialization off, and Prism messages between them over
 * Artery: refs that answer across the link, an 8 MiB tensor, and refused or oversized messages that are dropped
 * without hurting the link.
 */
class KryoOverArteryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MethodRef SCORE = new MethodRef("com.acme.Scorer", "score", "([FLjava/lang/Object;)F");

    private static ActorSystem<Void> head;
    private static ActorSystem<Void> worker;

    @BeforeAll
    static void formCluster() {
        Config config = PrismConfigLoader.load(Map.of(
            "prism.serialization.allowed-packages", UserValuesWireTest.ALLOWED,
            "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on"), false);
        head = ActorSystem.create(Behaviors.empty(), "wire", config);
        worker = ActorSystem.create(Behaviors.empty(), "wire", config);
        Cluster.get(head).manager().tell(Join.create(Cluster.get(head).selfMember().address()));
        Cluster.get(worker).manager().tell(Join.create(Cluster.get(head).selfMember().address()));
        await().atMost(WAIT).until(() -> upMembers(head) == 2 && upMembers(worker) == 2);
    }

    @AfterAll
    static void stop() {
        worker.terminate();
        head.terminate();
        worker.getWhenTerminated().toCompletableFuture().join();
        head.getWhenTerminated().toCompletableFuture().join();
    }

    @Test
    void callsAndRepliesCrossTheLinkWithAnEightMebibyteTensor() {
        TestProbe<Object> host = TestProbe.create(head);
        TestProbe<Object> caller = TestProbe.create(worker);
        ActorRef<Invoke> remoteHost = remote(worker, head, host.ref());

        float[] tensor = new float[2 << 20];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = (float) Math.sin(i);
        }
        remoteHost.tell(new Invoke(1, SCORE, new Object[]{tensor, tx("t-1")}, replyTo(caller)));
        Invoke received = (Invoke) host.receiveMessage(WAIT);
        assertThat((float[]) received.args()[0]).isEqualTo(tensor);
        assertThat((Transaction) received.args()[1]).isEqualTo(tx("t-1"));

        received.replyTo().tell(new Reply.Ok(1, List.of(0.25f, tx("t-2"))));
        assertThat(caller.receiveMessage(WAIT)).isEqualTo(new Reply.Ok(1, List.of(0.25f, tx("t-2"))));
    }

    @Test
    void aRefusedOrOversizedMessageIsDroppedAndTheLinkStaysHealthy() {
        TestProbe<Object> host = TestProbe.create(head);
        TestProbe<Object> caller = TestProbe.create(worker);
        ActorRef<Invoke> remoteHost = remote(worker, head, host.ref());

        remoteHost.tell(new Invoke(2, SCORE, new Object[]{new float[1], new Secret("pin")}, replyTo(caller)));
        remoteHost.tell(new Invoke(3, SCORE, new Object[]{new float[(16 << 20) / 4], "big"}, replyTo(caller)));
        remoteHost.tell(new Invoke(4, SCORE, new Object[]{new float[]{1f}, "fine"}, replyTo(caller)));

        Invoke next = (Invoke) host.receiveMessage(WAIT);
        assertThat(next.callId()).isEqualTo(4);
        assertThat(next.args()[1]).isEqualTo("fine");
    }

    private static long upMembers(ActorSystem<?> system) {
        return StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
            .filter(m -> m.status() == MemberStatus.up()).count();
    }

    /** {@code ref} of {@code owner} as {@code from} sees it: a remote ref, so messages go over Artery. */
    @SuppressWarnings("unchecked")
    private static <T> ActorRef<T> remote(ActorSystem<?> from, ActorSystem<?> owner, ActorRef<?> ref) {
        String path = ActorRefResolver.get(owner).toSerializationFormat(ref);
        return (ActorRef<T>) ActorRefResolver.get(from).resolveActorRef(path);
    }

    @SuppressWarnings("unchecked")
    private static ActorRef<Reply> replyTo(TestProbe<Object> probe) {
        return (ActorRef<Reply>) (ActorRef<?>) probe.ref();
    }
}
