package io.prism.spi;

import io.prism.exception.PrismException;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the runtime on the class path, once. */
public final class PrismRuntimes {
    private PrismRuntimes() {
    }

    private static final class Holder {
        static final PrismRuntimeProvider PROVIDER = load();
    }

    public static PrismRuntimeProvider provider() {
        return Holder.PROVIDER;
    }

    private static PrismRuntimeProvider load() {
        Iterator<PrismRuntimeProvider> it = ServiceLoader.load(PrismRuntimeProvider.class).iterator();
        if (!it.hasNext()) {
            it = ServiceLoader.load(PrismRuntimeProvider.class, PrismRuntimes.class.getClassLoader()).iterator();
        }
        if (!it.hasNext()) {
            throw new PrismException("No Prism runtime on the class path: add the dependency "
                + "io.prism:prism-runtime-core (the api alone cannot start Prism)");
        }
        return it.next();
    }
}
