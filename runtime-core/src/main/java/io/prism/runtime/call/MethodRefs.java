package io.prism.runtime.call;

import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.MethodRef;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Reads which method or constructor a method reference names, once per call site: the compiler gives each call
 * site its own lambda class, so the answer is kept with that class and the call path never reflects again. A
 * {@link ClassValue} slot is the JDK's per-class cache: reading it costs a few nanoseconds on every call, where a
 * weak-keyed Caffeine cache measured 35 ns (benchmarks/ MethodRefsBenchmark).
 */
public final class MethodRefs {
    private static final ClassValue<Slot> RESOLVED = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };

    /** A MethodRef, a CtorRef, or the message explaining why the reference cannot be used. */
    private static final class Slot {
        volatile Object value;
    }

    private MethodRefs() {
    }

    /** The method an {@code ActorFuncN}/{@code ActorVoidFuncN} reference names. */
    public static MethodRef method(Serializable fn) {
        Object r = resolved(fn, true);
        if (r instanceof MethodRef m) {
            return m;
        }
        throw new IllegalArgumentException((String) r);
    }

    /** The constructor an {@code ActorCtorN} reference names. */
    public static CtorRef constructor(Serializable ctor) {
        Object r = resolved(ctor, false);
        if (r instanceof CtorRef c) {
            return c;
        }
        throw new IllegalArgumentException((String) r);
    }

    private static Object resolved(Serializable fn, boolean method) {
        Slot slot = RESOLVED.get(fn.getClass());
        Object r = slot.value;
        if (r == null) {
            r = method ? resolveMethod(fn) : resolveCtor(fn);
            slot.value = r;
        }
        return r;
    }

    private static Object resolveMethod(Serializable fn) {
        SerializedLambda l = serialized(fn);
        String impl = l.getImplClass().replace('/', '.');
        String simple = impl.substring(impl.lastIndexOf('.') + 1);
        if (l.getImplMethodName().startsWith("lambda$")) {
            return "a lambda cannot be sent to an actor: pass a method reference such as Scorer::score "
                + "(the call's arguments go after it: handle.call(Scorer::score, tx))";
        }
        if (l.getCapturedArgCount() > 0) {
            return "bound method reference " + simple + "::" + l.getImplMethodName()
                + " captures an object: use the unbound form " + simple + "::" + l.getImplMethodName();
        }
        int kind = l.getImplMethodKind();
        if (kind != MethodHandleInfo.REF_invokeVirtual && kind != MethodHandleInfo.REF_invokeInterface
            && kind != MethodHandleInfo.REF_invokeSpecial) {
            return simple + "::" + l.getImplMethodName() + " is not an instance method of the actor: calls take "
                + "a reference to a method of the actor class, such as Scorer::score";
        }
        return new MethodRef(impl, l.getImplMethodName(), l.getImplMethodSignature());
    }

    private static Object resolveCtor(Serializable ctor) {
        SerializedLambda l = serialized(ctor);
        if (l.getImplMethodKind() != MethodHandleInfo.REF_newInvokeSpecial || l.getCapturedArgCount() > 0) {
            return "actors are created from a constructor reference such as FraudScorer::new, with its arguments "
                + "after it: prism.actor(FraudScorer::new, \"fraud.model\"); got " + describe(l);
        }
        return new CtorRef(l.getImplClass().replace('/', '.'), l.getImplMethodSignature());
    }

    private static String describe(SerializedLambda l) {
        String impl = l.getImplClass().replace('/', '.');
        return l.getImplMethodName().startsWith("lambda$") ? "a lambda in " + impl
            : impl.substring(impl.lastIndexOf('.') + 1) + "::" + l.getImplMethodName();
    }

    private static SerializedLambda serialized(Serializable fn) {
        try {
            Method writeReplace = fn.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(fn);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(fn.getClass().getName() + " is not a method or constructor "
                + "reference: pass one such as FraudScorer::score", e);
        }
    }
}
