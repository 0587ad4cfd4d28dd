package io.prism.benchmarks.actors;

import io.prism.ActorHandle;
import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmarks.jar creation [--quick]}: actors created per second in an embedded Prism, each created with
 * {@code createAsync()} and done when its first call is answered, at most {@value #IN_FLIGHT} at a time, against
 * plain Pekko actors spawned and sent a first message the same way. Rounds alternate the two; the median counts.
 */
public final class CreationRate {
    static final int IN_FLIGHT = 64;

    private CreationRate() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int actors = quick ? 500 : 2_000;
        int rounds = quick ? 1 : 3;
        List<Double> prismRates = new ArrayList<>();
        List<Double> pekkoRates = new ArrayList<>();
        try (PrismActors prism = new PrismActors(actors); PekkoActors pekko = new PekkoActors()) {
            System.err.println("warming up: " + actors / 4 + " actors of each, created and stopped");
            PrismActors.kill(prism.create(actors / 4, IN_FLIGHT).items());
            PekkoActors.stop(pekko.create(actors / 4, IN_FLIGHT).items());
            for (int round = 0; round < rounds; round++) {
                Window.Created<ActorHandle<Tiny>> p = prism.create(actors, IN_FLIGHT);
                PrismActors.kill(p.items());
                Window.Created<ActorRef<PekkoActors.Message>> k = pekko.create(actors, IN_FLIGHT);
                PekkoActors.stop(k.items());
                failIfAny("Prism createAsync", p.failures(), actors);
                failIfAny("Pekko spawn", k.failures(), actors);
                prismRates.add(p.perSecond());
                pekkoRates.add(k.perSecond());
                System.err.printf(Locale.ROOT, "round %d/%d: Prism %,.0f actors/s, Pekko %,.0f actors/s%n", round + 1,
                    rounds, p.perSecond(), k.perSecond());
            }
        }
        double prismRate = median(prismRates);
        double pekkoRate = median(pekkoRates);
        System.out.printf(Locale.ROOT, "%nactors created/s, embedded, %,d actors, %d in flight, median of %d rounds "
            + "(Java %s, %d cores)%n", actors, IN_FLIGHT, rounds, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  Prism createAsync + first call answered   %,10.0f%n", prismRate);
        System.out.printf(Locale.ROOT, "  Pekko spawn + first message handled      %,10.0f   Prism/Pekko %.2f%n",
            pekkoRate, prismRate / pekkoRate);
        BenchReport.record("actor creation", "created + first call answered, embedded, " + IN_FLIGHT + " in flight",
            "actors/s", prismRate, "Pekko spawn", pekkoRate, Aim.NONE);
    }

    static void failIfAny(String what, long failures, int of) {
        if (failures > 0) {
            throw new IllegalStateException(what + ": " + failures + " of " + of + " creations failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
