package io.prism.benchmarks.jmh;

import io.prism.benchmarks.roundtrip.Echo;
import io.prism.function.ActorFunc1;
import io.prism.runtime.call.Invokers;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.protocol.MethodRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * What an actor host pays to run a method named by a {@link MethodRef}: the invoker lookup and
 * {@code invokeExact} it does per call, against a direct call and against {@link Method#invoke}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InvokersBenchmark {
    private Echo echo;
    private Long value;
    private Object[] args;
    private MethodRef ref;
    private Invokers.Invoker invoker;
    private Method method;

    @Setup
    public void setUp() throws NoSuchMethodException {
        echo = new Echo();
        value = 42L;
        args = new Object[]{value};
        ref = MethodRefs.method((ActorFunc1<Echo, Long, Long>) Echo::echo);
        invoker = Invokers.method(Echo.class, ref);
        method = Echo.class.getMethod("echo", Long.class);
    }

    /** The floor: the method called directly. */
    @Benchmark
    public Object direct() {
        return echo.echo(value);
    }

    /** What {@code ActorHost} does per call: the cached invoker lookup, then the invocation. */
    @Benchmark
    public Object lookupAndInvoke() throws Throwable {
        return Invokers.method(Echo.class, ref).invoke(echo, args);
    }

    /** The invocation alone, with the invoker already in hand. */
    @Benchmark
    public Object invokeOnly() throws Throwable {
        return invoker.invoke(echo, args);
    }

    /** Plain reflection, for comparison. */
    @Benchmark
    public Object reflection() throws ReflectiveOperationException {
        return method.invoke(echo, args);
    }
}
