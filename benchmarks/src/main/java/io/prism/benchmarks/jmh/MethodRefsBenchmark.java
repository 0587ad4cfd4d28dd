package io.prism.benchmarks.jmh;

import io.prism.benchmarks.roundtrip.Echo;
import io.prism.function.ActorFunc1;
import io.prism.runtime.call.MethodRefs;
import io.prism.runtime.protocol.MethodRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * What a call pays to learn which method a reference names: the cached lookup {@code handle.call} does on every
 * call, against a {@link ClassValue} slot per lambda class, and against reading the {@link SerializedLambda} each
 * time, which the cache exists to avoid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MethodRefsBenchmark {
    /** The alternative to a Caffeine cache keyed by lambda class: a slot per class, filled on first use. */
    private static final ClassValue<Slot> SLOTS = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };

    private static final class Slot {
        volatile MethodRef ref;
    }

    private ActorFunc1<Echo, Long, Long> reference = Echo::echo;

    /** The lookup {@code handle.call(Echo::echo, x)} makes: a cache hit keyed by the call site's lambda class. */
    @Benchmark
    public MethodRef cachedLookup() {
        return MethodRefs.method(reference);
    }

    /** The same with the reference written at the call, as user code writes it. */
    @Benchmark
    public MethodRef cachedLookupAtCallSite() {
        return MethodRefs.method((ActorFunc1<Echo, Long, Long>) Echo::echo);
    }

    /** The same lookup through a {@link ClassValue}: no hashing, no read buffer, no allocation. */
    @Benchmark
    public MethodRef classValueLookup() throws ReflectiveOperationException {
        Slot slot = SLOTS.get(reference.getClass());
        MethodRef ref = slot.ref;
        if (ref == null) {
            ref = resolve(reference);
            slot.ref = ref;
        }
        return ref;
    }

    /** Without the cache: {@code writeReplace} through reflection on every call. */
    @Benchmark
    public MethodRef uncachedSerializedLambda() throws ReflectiveOperationException {
        return resolve(reference);
    }

    private static MethodRef resolve(Serializable fn) throws ReflectiveOperationException {
        Method writeReplace = fn.getClass().getDeclaredMethod("writeReplace");
        writeReplace.setAccessible(true);
        SerializedLambda l = (SerializedLambda) writeReplace.invoke(fn);
        return new MethodRef(l.getImplClass().replace('/', '.'), l.getImplMethodName(), l.getImplMethodSignature());
    }
}
