package io.prism.benchmarks.roundtrip;

/** A CPU actor with nothing to do: what {@link ClusterComparison} creates and kills to count actors per second. */
public final class Idle {
    public int ping() {
        return 1;
    }
}
