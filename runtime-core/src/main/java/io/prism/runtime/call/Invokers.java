package io.prism.runtime.call;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.MethodRef;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;

/**
 * Turns a {@link MethodRef} into a ready method handle for an actor class, once per (class, method): the host's
 * call path is then a cache hit and an {@code invokeExact}, with no reflection.
 */
public final class Invokers {
    private static final Cache<Key, Invoker> METHODS = Caffeine.newBuilder().maximumSize(100_000).build();
    private static final MethodType INVOKER_TYPE = MethodType.methodType(Object.class, Object.class, Object[].class);
    private static final MethodType CONSTRUCTOR_TYPE = MethodType.methodType(Object.class, Object[].class);

    private Invokers() {
    }

    private record Key(Class<?> actorClass, MethodRef method) {
    }

    /** Calls one method of one actor class: {@code target.method(args...)}. */
    public static final class Invoker {
        private final MethodHandle handle;
        private final int arity;
        private final MethodRef method;

        private Invoker(MethodHandle handle, int arity, MethodRef method) {
            this.handle = handle;
            this.arity = arity;
            this.method = method;
        }

        public Object invoke(Object target, Object[] args) throws Throwable {
            if (args.length != arity) {
                throw new IllegalArgumentException(method.display() + " takes " + arity + " argument(s), got "
                    + args.length);
            }
            return (Object) handle.invokeExact(target, args);
        }
    }

    /** The invoker of {@code method} for instances of {@code actorClass}. */
    public static Invoker method(Class<?> actorClass, MethodRef method) {
        return METHODS.get(new Key(actorClass, method), k -> resolve(actorClass, method));
    }

    /** Runs the constructor {@code ctor} of {@code actorClass} with {@code args}. */
    public static Object construct(Class<?> actorClass, CtorRef ctor, Object[] args) throws Throwable {
        Constructor<?> c = find(actorClass.getDeclaredConstructors(), ctor.descriptor(), actorClass);
        if (c == null) {
            throw new IllegalArgumentException(actorClass.getName() + " has no constructor " + ctor.descriptor());
        }
        c.setAccessible(true);
        MethodHandle h = MethodHandles.lookup().unreflectConstructor(c)
            .asType(MethodType.genericMethodType(c.getParameterCount()))
            .asSpreader(Object[].class, c.getParameterCount())
            .asType(CONSTRUCTOR_TYPE);
        return (Object) h.invokeExact(args);
    }

    /** Loads {@code name} with the actor class's loader, so classes of any loader work. */
    public static Class<?> load(String name, ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    private static Invoker resolve(Class<?> actorClass, MethodRef ref) {
        try {
            Class<?> declaring = load(ref.className(), actorClass.getClassLoader());
            if (!declaring.isAssignableFrom(actorClass)) {
                throw new IllegalArgumentException(ref.display() + " is not a method of actor class "
                    + actorClass.getName());
            }
            Method m = find(declaring.getDeclaredMethods(), ref.descriptor(), ref.name(), declaring);
            if (m == null) {
                throw new IllegalArgumentException(declaring.getName() + " has no method " + ref.name()
                    + ref.descriptor() + " (is the caller's class the same version as the actor's?)");
            }
            m.setAccessible(true);
            int n = m.getParameterCount();
            MethodHandle h = MethodHandles.lookup().unreflect(m)
                .asType(MethodType.genericMethodType(n + 1))
                .asSpreader(Object[].class, n)
                .asType(INVOKER_TYPE);
            return new Invoker(h, n, ref);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(ref.display() + ": class " + ref.className()
                + " is not on this node's class path", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(ref.display() + " cannot be accessed: " + e.getMessage(), e);
        }
    }

    private static Method find(Method[] methods, String descriptor, String name, Class<?> declaring) {
        for (Method m : methods) {
            if (m.getName().equals(name) && descriptor(m, declaring).equals(descriptor)) {
                return m;
            }
        }
        return null;
    }

    private static <E extends Executable> E find(E[] executables, String descriptor, Class<?> declaring) {
        for (E e : executables) {
            if (descriptor(e, declaring).equals(descriptor)) {
                return e;
            }
        }
        return null;
    }

    private static String descriptor(Executable e, Class<?> declaring) {
        Class<?> ret = e instanceof Method m ? m.getReturnType() : void.class;
        return MethodType.methodType(ret, e.getParameterTypes()).toMethodDescriptorString();
    }
}
