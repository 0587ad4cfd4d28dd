package io.prism.benchmarks.jmh;

import io.prism.benchmarks.roundtrip.Echo;
import io.prism.function.ActorFunc1;
import io.prism.runtime.PrismConfigLoader;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a call to another JVM costs in serialization: the caller encoding its arguments, Artery serializing the
 * {@link Invoke} through Prism's Kryo serializer, and the way back for the reply; against copying the same 64 floats
 * into a byte buffer, the least any wire format does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerializerBenchmark {
    private ActorSystem<Void> system;
    private Serialization serialization;
    private Serializer serializer;
    private PrismKryo wire;
    private float[] tensor;
    private Invoke invoke;
    private byte[] invokeBytes;
    private String invokeManifest;
    private Reply.Ok reply;
    private byte[] replyBytes;
    private String replyManifest;
    private ByteBuffer buffer;

    @Setup
    public void setUp() {
        system = ActorSystem.create(Behaviors.empty(), "serializer-bench", PrismConfigLoader.load(Map.of(
            "pekko.actor.provider", "remote", "pekko.remote.artery.canonical.port", 0,
            "pekko.remote.warn-about-direct-use", "off"), false));
        serialization = SerializationExtension.get(Adapter.toClassic(system));
        wire = PrismKryo.get(system);
        tensor = new float[64];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = i * 0.5f;
        }
        ActorRef<Reply> replyTo = system.systemActorOf(Behaviors.<Reply>empty(), "replies",
            org.apache.pekko.actor.typed.Props.empty());
        invoke = new Invoke(42, MethodRefs.method((ActorFunc1<Echo, Long, Long>) Echo::echo), null,
            wire.encode(new Object[] {tensor}), replyTo);
        serializer = serialization.findSerializerFor(invoke);
        invokeManifest = Serializers.manifestFor(serializer, invoke);
        invokeBytes = serialization.serialize(invoke).get();
        reply = new Reply.Ok(42, wire.encode(tensor));
        replyManifest = Serializers.manifestFor(serializer, reply);
        replyBytes = serialization.serialize(reply).get();
        buffer = ByteBuffer.allocate(tensor.length * Float.BYTES);
    }

    @TearDown
    public void tearDown() {
        system.terminate();
    }

    /** The floor: 64 floats copied into a buffer. */
    @Benchmark
    public ByteBuffer copyFloats() {
        buffer.clear();
        buffer.asFloatBuffer().put(tensor);
        return buffer;
    }

    /** The caller's side of a call: arguments encoded, then the Invoke serialized for Artery. */
    @Benchmark
    public byte[] encodeCall() {
        Invoke call = new Invoke(invoke.callId(), invoke.method(), null, wire.encode(new Object[] {tensor}),
            invoke.replyTo());
        return serialization.serialize(call).get();
    }

    /** The host's side: the Invoke read back and its arguments decoded. */
    @Benchmark
    public Object decodeCall() {
        Invoke call = (Invoke) serialization.deserialize(invokeBytes, serializer.identifier(), invokeManifest).get();
        return wire.decode(call.payload());
    }

    /** A result on its way back: encoded, serialized, read back and decoded. */
    @Benchmark
    public Object replyRoundTrip() {
        byte[] bytes = serialization.serialize(new Reply.Ok(reply.id(), wire.encode(tensor))).get();
        Reply.Ok back = (Reply.Ok) serialization.deserialize(bytes, serializer.identifier(), replyManifest).get();
        return wire.decode((io.prism.runtime.serialization.WirePayload) back.value());
    }
}
