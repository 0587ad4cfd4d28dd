package io.prism.benchmarks.roundtrip;

import io.prism.Gpu;

/** The Prism actor of the comparison: it hands its argument back, as the raw Pekko ponger does. */
@Gpu(0.25)
public final class Echo {
    public Long echo(Long value) {
        return value;
    }
}
