package io.prism.benchmarks.actors;

/** A CPU actor with nothing in it: what is measured is what Prism keeps per actor, not the actor's own state. */
public final class Tiny {
    public int ping() {
        return 1;
    }
}
