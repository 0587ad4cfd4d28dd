package io.prism.spi;

import io.prism.Prism;
import io.prism.PrismConfig;

/**
 * A Prism runtime, found through {@link java.util.ServiceLoader}: {@code prism-runtime-core} registers one in
 * {@code META-INF/services/io.prism.spi.PrismRuntimeProvider}.
 */
public interface PrismRuntimeProvider {

    /** Starts an embedded Prism: head and worker in this JVM. */
    Prism start(PrismConfig config);

    /** Joins the cluster at {@code address} ({@code host:port}, or several separated by commas) as a client. */
    Prism connect(String address, PrismConfig config);
}
