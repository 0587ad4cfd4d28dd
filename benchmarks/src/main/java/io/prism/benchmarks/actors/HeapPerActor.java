package io.prism.benchmarks.actors;

import io.prism.ActorHandle;
import org.apache.pekko.actor.typed.ActorRef;

import java.lang.management.ManagementFactory;

/**
 * Heap held per live actor: used heap after a full GC with {@code n} {@link Tiny} actors alive, less the same
 * before they were created, divided by {@code n}. For Prism that is everything one JVM keeps for an embedded
 * actor: its host, the node's and the resource manager's bookkeeping, and the caller's handle.
 */
public final class HeapPerActor {
    private static final int GCS = 3;

    private HeapPerActor() {
    }

    /** Bytes per actor for Prism and for plain Pekko actors. */
    public record Bytes(int actors, long prism, long pekko) {
    }

    public static Bytes measure(int n) throws InterruptedException {
        long prismBytes;
        try (PrismActors prism = new PrismActors(n)) {
            PrismActors.kill(prism.create(CreationRate.IN_FLIGHT, CreationRate.IN_FLIGHT).items());
            long before = usedAfterGc();
            Window.Created<ActorHandle<Tiny>> created = prism.create(n, CreationRate.IN_FLIGHT);
            CreationRate.failIfAny("Prism createAsync", created.failures(), n);
            prismBytes = (usedAfterGc() - before) / n;
            PrismActors.kill(created.items());
        }
        long pekkoBytes;
        try (PekkoActors pekko = new PekkoActors()) {
            PekkoActors.stop(pekko.create(CreationRate.IN_FLIGHT, CreationRate.IN_FLIGHT).items());
            long before = usedAfterGc();
            Window.Created<ActorRef<PekkoActors.Message>> created = pekko.create(n, CreationRate.IN_FLIGHT);
            CreationRate.failIfAny("Pekko spawn", created.failures(), n);
            pekkoBytes = (usedAfterGc() - before) / n;
            PekkoActors.stop(created.items());
        }
        return new Bytes(n, prismBytes, pekkoBytes);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < GCS; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
