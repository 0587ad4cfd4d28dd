package io.prism.runtime;

import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.spi.PrismRuntimeProvider;

/** The runtime the api finds through {@link java.util.ServiceLoader}. */
public final class PrismProvider implements PrismRuntimeProvider {
    @Override
    public Prism start(PrismConfig config) {
        return ClusterPrism.embedded(config);
    }

    @Override
    public Prism connect(String address, PrismConfig config) {
        return ClusterPrism.connect(address, config);
    }
}
