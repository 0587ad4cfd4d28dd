package io.prism.runtime.serialization;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.runtime.PrismConfigLoader;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.allowed.Basket;
import io.prism.runtime.serialization.allowed.Color;
import io.prism.runtime.serialization.refused.Secret;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every Prism message through Pekko's serialization, in a remoting actor system, as Artery would send it. */
class KryoSerializerTest {
    private static ActorTestKit testKit;
    private static Serialization serialization;
    private static TestProbe<Object> probe;

    @BeforeAll
    static void start() {
        // the remote provider serializes exactly as the cluster one does, and shuts down without leaving a cluster
        testKit = ActorTestKit.create("wire", PrismConfigLoader.load(Map.of("pekko.actor.provider", "remote",
            "prism.serialization.allowed-packages", UserValuesWireTest.ALLOWED), false));
        serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        probe = testKit.createTestProbe();
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static Object roundTrip(Object message) {
        Serializer serializer = serialization.findSerializerFor(message);
        assertThat(serializer).as("serializer of %s", message.getClass()).isInstanceOf(KryoSerializer.class);
        assertThat(serializer.identifier()).isEqualTo(7_700_001);
        String manifest = Serializers.manifestFor(serializer, message);
        byte[] bytes = serialization.serialize(message).get();
        return serialization.deserialize(bytes, serializer.identifier(), manifest).get();
    }

    @Test
    void everyRegisteredMessageRoundTripsThroughTheBoundSerializer() {
        Samples samples = new Samples(probe.ref());
        List<String> checked = new ArrayList<>();
        for (WireRegistry.Entry e : WireRegistry.entries()) {
            if (!PrismMessage.class.isAssignableFrom(e.type())) {
                continue;
            }
            Object message = samples.of((Class<?>) e.type());
            if (e.localOnly()) {
                assertThatThrownBy(() -> serialization.serialize(message).get()).isInstanceOf(WireException.class)
                    .hasMessage(e.type().getName() + " never leaves its JVM (it carries in-process objects): tell it "
                        + "only to an actor of the same node");
                continue;
            }
            Object back = roundTrip(message);
            assertThat(Samples.same(message, back)).as("%s came back as %s", message, back).isTrue();
            checked.add(e.type().getSimpleName());
        }
        assertThat(checked).contains("Invoke", "Ok", "Failed", "CreateActor", "StartActor", "RegisterNode",
            "HostedActor", "Watch", "Tick");
    }

    @Test
    void actorRefsResolveBackToRefsThatReachTheActor() {
        Invoke invoke = new Invoke(5, new MethodRef("com.acme.Scorer", "score", "()F"), new Object[0], replyTo());
        Invoke deserialized = (Invoke) roundTrip(invoke);
        assertThat(deserialized.replyTo()).isEqualTo(probe.ref());
        deserialized.replyTo().tell(new Reply.Ok(5, "reached"));
        assertThat(probe.receiveMessage()).isEqualTo(new Reply.Ok(5, "reached"));
    }

    @Test
    void errorInfoKeepsItsCauseChainAndStack() {
        IllegalStateException thrown = new IllegalStateException("scoring failed",
            new IllegalArgumentException("bad tensor", new ArithmeticException("divide by zero")));
        ErrorInfo error = ErrorInfo.of(ErrorInfo.Kind.CALL_FAILED, thrown);
        ErrorInfo back = ((Reply.Failed) roundTrip(new Reply.Failed(3, error))).error();
        assertThat(back.describe()).isEqualTo("java.lang.IllegalStateException: scoring failed");
        assertThat(frames(back.stackTrace())).isEqualTo(frames(thrown.getStackTrace())).hasSizeGreaterThan(10)
            .anyMatch(f -> f.startsWith("java.base/"));
        assertThat(back.cause().describe()).isEqualTo("java.lang.IllegalArgumentException: bad tensor");
        assertThat(back.cause().cause().describe()).isEqualTo("java.lang.ArithmeticException: divide by zero");
        assertThat(frames(back.cause().cause().stackTrace()))
            .isEqualTo(frames(thrown.getCause().getCause().getStackTrace()));
        assertThat(back.cause().cause().cause()).isNull();
    }

    @Test
    void anActorSpecKeepsItsArgumentsAndDropsItsLocalClass() {
        ActorSpec spec = new ActorSpec(new ActorId("a-7"), null, "com.acme.Scorer",
            new CtorRef("com.acme.Scorer", "(Ljava/util/List;I)V"),
            new Object[]{List.of(new Basket("b").add(Color.RED)), 4, null},
            ResourceShape.fraction(2_500, 6L << 30, 500), PlacementStrategy.PACK, -1, 4, null,
            KryoSerializerTest.class);
        ActorSpec back = (ActorSpec) roundTrip(spec);
        assertThat(back.localClass()).isNull();
        assertThat(back.args()).containsExactly(spec.args());
        assertThat(back).usingRecursiveComparison().ignoringFields("localClass").isEqualTo(spec);
        assertThat(back.mayRestart(1_000)).isTrue();
    }

    @Test
    void userValuesInsideMessagesFollowTheAllowList() {
        Invoke call = new Invoke(8, new MethodRef("com.acme.Scorer", "score", "(Ljava/lang/Object;)F"),
            new Object[]{new Basket("ok").note(new Secret("pin"))}, replyTo());
        assertThatThrownBy(() -> serialization.serialize(call).get()).isInstanceOf(WireException.class)
            .hasMessage("class io.prism.runtime.serialization.refused.Secret is not allowed on the wire: add "
                + "\"io.prism.runtime.serialization.refused\" to prism.serialization.allowed-packages (or send a JDK "
                + "value type)");
        Reply.Ok ok = new Reply.Ok(8, List.of(new Basket("fine"), Map.of("score", 0.25f)));
        assertThat(roundTrip(ok)).isEqualTo(ok);
    }

    @Test
    void aPayloadEncodedByTheCallerTravelsAsBytesAndDecodesOnTheOtherSide() {
        PrismKryo kryo = PrismKryo.get(testKit.system());
        WirePayload args = kryo.encode(new Object[]{UserValuesWireTest.tx("t-9"), new float[]{1f, 2f}});
        Reply.Ok back = (Reply.Ok) roundTrip(new Reply.Ok(4, args));
        assertThat((Object[]) kryo.decode((WirePayload) back.value()))
            .isEqualTo(new Object[]{UserValuesWireTest.tx("t-9"), new float[]{1f, 2f}});
        assertThat(((WirePayload) back.value()).size()).isEqualTo(args.size());
    }

    @Test
    void aMessageWithoutAFixedIdIsRefusedByName() {
        KryoSerializer serializer = (KryoSerializer) serialization.findSerializerFor(new Reply.Ok(0, null));
        assertThatThrownBy(() -> serializer.manifest(new Unregistered()))
            .hasMessage(Unregistered.class.getName() + " is a PrismMessage without a fixed wire id: add it at the end "
                + "of the table in io.prism.runtime.serialization.WireRegistry");
        assertThatThrownBy(() -> serializer.fromBinary(new byte[]{1}, "99999"))
            .isInstanceOf(NotSerializableException.class).hasMessageContaining("no Prism message has wire id 99999");
    }

    @Test
    void javaSerializationIsOff() {
        assertThat(serialization.serialize(new Plain("x")).isFailure()).isTrue();
    }

    @Test
    void manyCallsReuseThePooledKryosWithoutDroppingAny() throws NotSerializableException {
        KryoSerializer serializer = (KryoSerializer) serialization.findSerializerFor(new Reply.Ok(0, null));
        PrismKryo kryo = PrismKryo.get(testKit.system());
        long droppedBefore = kryo.dropped();
        for (int i = 0; i < 2_000; i++) {
            Invoke invoke = new Invoke(i, new MethodRef("io.prism.examples.fraud.FraudScorer", "score",
                "(Lio/prism/runtime/serialization/allowed/Transaction;)F"),
                new Object[]{UserValuesWireTest.tx("t-" + i)}, replyTo());
            Object back = serializer.fromBinary(serializer.toBinary(invoke), serializer.manifest(invoke));
            assertThat(Samples.same(back, invoke)).as("call %d", i).isTrue();
        }
        assertThat(kryo.dropped()).isEqualTo(droppedBefore);
    }

    private static List<String> frames(StackTraceElement[] stack) {
        return Arrays.stream(stack).map(StackTraceElement::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static ActorRef<Reply> replyTo() {
        return (ActorRef<Reply>) (ActorRef<?>) probe.ref();
    }

    record Unregistered() implements PrismMessage {
    }

    record Plain(String s) implements Serializable {
    }
}
