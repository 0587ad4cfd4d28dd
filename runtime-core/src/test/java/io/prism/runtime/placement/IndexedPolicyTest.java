package io.prism.runtime.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The policies walk indexes instead of every GPU; on small clusters of unlike nodes, where ties are common, every
 * choice must still be the one {@link PolicyDefinitions} finds by looking at every GPU. A failure names its seed.
 */
class IndexedPolicyTest {
    private static final long GIB = 1L << 30;
    private static final long[] UNITS = {1_000, 2_500, 2_500, 3_000, 5_000, 7_500, 10_000};
    private static final List<Map<String, String>> LABELS = List.of(Map.of(), Map.of("zone", "z1"));

    @Test
    void everyChoiceIsTheOneTheDefinitionGives() {
        for (long seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            Scheduler scheduler = new Scheduler();
            List<AllocationKey> live = new ArrayList<>();
            int nodes = 0;
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(100);
                if (op < 6 || nodes == 0) {
                    addNode(random, scheduler, nodes++);
                } else if (op < 8) {
                    scheduler.removeNode(new NodeId("n" + random.nextInt(nodes)))
                        .forEach(a -> live.remove(a.key()));
                } else if (op < 65) {
                    ResourceRequest r = request(random, seed, step);
                    Optional<PlacementDecision> expected = PolicyDefinitions.expected(r, scheduler.view());
                    Scheduler.Outcome outcome = scheduler.submit(r, 0, Scheduler.NO_DEADLINE);
                    Optional<PlacementDecision> actual = outcome instanceof Scheduler.Placed p
                        ? Optional.of(p.decision()) : Optional.empty();
                    assertThat(actual).as("seed %d step %d: %s on %s", seed, step, r, scheduler.view())
                        .isEqualTo(expected);
                    actual.ifPresent(d -> live.add(r.key()));
                    scheduler.cancel(r.key());
                } else if (!live.isEmpty()) {
                    scheduler.release(live.remove(random.nextInt(live.size())));
                }
            }
        }
    }

    private static void addNode(Random random, Scheduler scheduler, int n) {
        List<GpuDevice> devices = new ArrayList<>();
        long memory = (8 + 8L * random.nextInt(3)) * GIB;
        for (int g = 0; g < 1 + random.nextInt(4); g++) {
            devices.add(GpuDevice.simulated(g, memory));
        }
        scheduler.addNode(new NodeId("n" + n), devices, 1_000L * (1 + random.nextInt(4)),
            LABELS.get(random.nextInt(LABELS.size())));
    }

    private static ResourceRequest request(Random random, long seed, int step) {
        ResourceShape shape;
        if (random.nextInt(8) == 0) {
            shape = ResourceShape.wholeGpus(2 + random.nextInt(2), 0);
        } else {
            long units = UNITS[random.nextInt(UNITS.length)];
            long memory = units < 10_000 && random.nextInt(5) == 0 ? (1 + random.nextInt(12)) * GIB
                : ResourceShape.PROPORTIONAL;
            shape = new ResourceShape(1, units, memory, random.nextInt(4) == 0 ? 500 : 0);
        }
        PlacementStrategy strategy = random.nextBoolean() ? PlacementStrategy.PACK : PlacementStrategy.SPREAD;
        Map<String, String> labels = random.nextInt(6) == 0 ? LABELS.get(1) : Map.of();
        return new ResourceRequest(new AllocationKey(new ActorId("s" + seed + "-" + step), 0), "Prop", null, shape,
            strategy, labels, null, false);
    }
}
