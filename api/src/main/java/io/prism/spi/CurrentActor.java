package io.prism.spi;

import io.prism.gpu.GpuContext;

/**
 * The one accessor through which a runtime tells actor code which actor is running on the current thread: the
 * runtime binds it around the actor's constructor and each method call.
 */
public final class CurrentActor {
    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private CurrentActor() {
    }

    /** What actor code on this thread may ask for: its class name and its GPU context (null for CPU actors). */
    public record Binding(String actorClass, GpuContext gpu) {
    }

    /** Binds {@code binding} to this thread and returns the previous binding, to restore with {@link #restore}. */
    public static Binding bind(Binding binding) {
        Binding previous = CURRENT.get();
        CURRENT.set(binding);
        return previous;
    }

    public static void restore(Binding previous) {
        // set(null), not remove(): a host thread binds again for its next call, and remove() would make every
        // bind rebuild the thread-local entry
        CURRENT.set(previous);
    }

    public static GpuContext gpu() {
        Binding b = CURRENT.get();
        if (b == null) {
            throw new IllegalStateException(
                "GpuContext.current() works only inside a Prism actor's constructor or methods");
        }
        if (b.gpu() == null) {
            throw new IllegalStateException(b.actorClass() + " holds no GPU: annotate it with @Gpu(0.25) "
                + "or create it with .gpu(0.25) to get a GpuContext");
        }
        return b.gpu();
    }
}
