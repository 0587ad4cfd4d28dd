package io.prism.runtime.serialization;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.serialization.allowed.Color;
import org.apache.pekko.actor.typed.ActorRef;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sample instances of any Prism message or record, built from its components, so that a new message class is
 * round-tripped without anyone writing a sample for it; and a structural comparison that looks into arrays.
 */
final class Samples {
    private final ActorRef<Object> ref;

    Samples(ActorRef<Object> ref) {
        this.ref = ref;
    }

    Object of(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                return List.of(of(args[0]));
            }
            if (p.getRawType() == Set.class) {
                return Set.of(of(args[0]));
            }
            if (p.getRawType() == Map.class) {
                return Map.of(of(args[0]), of(args[1]));
            }
            if (p.getRawType() == Optional.class) {
                return Optional.of(of(args[0]));
            }
            return of(p.getRawType());
        }
        if (!(type instanceof Class<?> c)) {
            return "sample";
        }
        return of(c);
    }

    Object of(Class<?> type) {
        if (type == CompletableFuture.class) {
            return new CompletableFuture<>();
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 42L;
        }
        if (type == double.class || type == Double.class) {
            return 1.5;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == String.class || type == Object.class) {
            return "sample";
        }
        if (type == Class.class) {
            return null;
        }
        if (ActorRef.class.isAssignableFrom(type)) {
            return ref;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type == Object[].class) {
            return new Object[]{7, "arg", new float[]{1f, 2f}, List.of(Color.RED)};
        }
        if (type == List.class) {
            return List.of("a", "b");
        }
        if (type == Map.class) {
            return Map.of("gpu-model", "H100");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(30);
        }
        if (type == ActorId.class) {
            return new ActorId("actor-1");
        }
        if (type == ErrorInfo.class) {
            return ErrorInfo.of(ErrorInfo.Kind.CALL_FAILED,
                new IllegalStateException("outer", new IllegalArgumentException("inner")));
        }
        if (type == ResourceShape.class) {
            return ResourceShape.fraction(2_500, 4L << 30, 1_000);
        }
        if (type == AllocationKey.class) {
            return new AllocationKey(new ActorId("actor-1"), 2);
        }
        if (type == Allocation.class) {
            return new Allocation(new AllocationKey(new ActorId("actor-1"), 2), List.of(1), 2_500, 4L << 30, 1_000);
        }
        if (type == ActorPlacement.class) {
            return new ActorPlacement("node-1", List.of(1), 2_500, 4L << 30, 1.0, Isolation.SHARED, 2);
        }
        if (type == NodeAgent.NodeInfo.class) {
            return new NodeAgent.NodeInfo("node-1", "pekko://prism@127.0.0.1:2552",
                List.of(GpuDevice.simulated(0, 16L << 30), GpuDevice.simulated(1, 16L << 30)), 8_000,
                Map.of("zone", "a"), Isolation.SHARED, "in the worker JVM");
        }
        if (type == ActorSpec.class) {
            return new ActorSpec(new ActorId("actor-1"), "scorer", "com.acme.Scorer",
                new CtorRef("com.acme.Scorer", "(Ljava/lang/String;)V"), new Object[]{"model.onnx"},
                ResourceShape.fraction(2_500, ResourceShape.PROPORTIONAL, 0), PlacementStrategy.SPREAD, 3, 1,
                Duration.ofSeconds(30), null);
        }
        if (type == Invoke.class) {
            return new Invoke(9L, new MethodRef("com.acme.Scorer", "score", "([F)F"),
                new Object[]{new float[]{0.5f}, "x"}, narrow(ref));
        }
        if (type.isRecord()) {
            return record(type);
        }
        throw new IllegalArgumentException("no sample for " + type.getName() + ": add one to Samples");
    }

    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components).map(c -> of(c.getGenericType())).toArray();
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName(), e);
        }
    }

    /**
     * Equal as values: records component by component, arrays element by element, stack frames as printed, the
     * rest by equals.
     */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass().isArray() && b.getClass() == a.getClass()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!same(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass().isRecord() && b.getClass() == a.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    if (!same(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
        if (a instanceof StackTraceElement) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return same(la.toArray(), lb.toArray());
        }
        return a.equals(b);
    }

    @SuppressWarnings("unchecked")
    private static <T> ActorRef<T> narrow(ActorRef<?> ref) {
        return (ActorRef<T>) ref;
    }
}
