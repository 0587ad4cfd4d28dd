package io.prism.benchmarks.jmh;

import io.prism.benchmarks.roundtrip.PekkoEcho;
import io.prism.benchmarks.roundtrip.PrismEcho;
import io.prism.benchmarks.roundtrip.RoundTrip;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One synchronous round trip (send, then wait for the reply) through each mechanism of the end-to-end comparison,
 * under JMH: a cross-check of its sync figures, with JMH's percentiles. Each mechanism runs in its own fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoundTripBenchmark {
    @Param({"prism", "tell", "ask"})
    public String mechanism;

    private AutoCloseable system;
    private RoundTrip target;
    private Long value;

    @Setup
    public void setUp() {
        value = 42L;
        if (mechanism.equals("prism")) {
            PrismEcho prism = new PrismEcho();
            system = prism;
            target = prism;
            return;
        }
        PekkoEcho pekko = new PekkoEcho();
        system = pekko;
        target = switch (mechanism) {
            case "tell" -> pekko.tell();
            case "ask" -> pekko.ask();
            default -> throw new IllegalArgumentException("mechanism " + mechanism + ": use prism, tell or ask");
        };
    }

    @TearDown
    public void tearDown() throws Exception {
        system.close();
    }

    @Benchmark
    public Object syncCall() {
        return target.call(value).join();
    }
}
