package io.prism.spi;

import io.prism.exception.PrismException;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the runtime on the class path. */
public final class PrismRuntimes {
    private PrismRuntimes() {
    }

    private static volatile PrismRuntimeProvider provider;

    /** The runtime; looked up again on every call until one is found, so a failed lookup is not remembered. */
    public static PrismRuntimeProvider provider() {
        PrismRuntimeProvider p = provider;
        if (p == null) {
            p = load();
            provider = p;
        }
        return p;
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
