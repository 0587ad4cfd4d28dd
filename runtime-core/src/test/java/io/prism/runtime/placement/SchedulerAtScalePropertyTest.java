package io.prism.runtime.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * At 1,000 nodes of 8 GPUs, through fill-up and churn: each submit chooses what {@link PolicyDefinitions} finds by
 * looking at every GPU, no waiting request fits anywhere after a round of placement (brute force), and the ledgers
 * hold exactly the units of the live actors.
 */
class SchedulerAtScalePropertyTest {
    private static final int NODES = 1_000;
    private static final int GPUS = 8;
    private static final long GIB = 1L << 30;
    private static final long[] UNITS = {1_000, 2_500, 5_000, 10_000};

    @Test
    void choicesMatchTheDefinitionsAndNothingThatFitsWaits() {
        Random random = new Random(0x5CA1E);
        Scheduler scheduler = new Scheduler();
        for (int n = 0; n < NODES; n++) {
            List<GpuDevice> devices = new ArrayList<>();
            for (int g = 0; g < GPUS; g++) {
                devices.add(GpuDevice.simulated(g, 80 * GIB));
            }
            scheduler.addNode(new NodeId("node-" + n), devices, 64_000, Map.of());
        }
        Map<AllocationKey, ResourceShape> live = new HashMap<>();
        List<AllocationKey> liveKeys = new ArrayList<>();
        for (int step = 0; step < 24_000; step++) {
            boolean filling = step < 18_000;
            if (random.nextInt(100) < (filling ? 90 : 45)) {
                ResourceRequest r = request(random, step);
                boolean check = step % 20 == 0;
                Optional<PlacementDecision> expected = check ? PolicyDefinitions.expected(r, scheduler.view()) : null;
                Scheduler.Outcome outcome = scheduler.submit(r, step, Scheduler.NO_DEADLINE);
                if (outcome instanceof Scheduler.Placed p) {
                    live.put(r.key(), r.shape());
                    liveKeys.add(r.key());
                }
                if (check) {
                    assertThat(outcome instanceof Scheduler.Placed p ? Optional.of(p.decision()) : Optional.empty())
                        .as("step %d: %s", step, r).isEqualTo(expected);
                }
            } else if (!liveKeys.isEmpty()) {
                int i = random.nextInt(liveKeys.size());
                AllocationKey gone = liveKeys.get(i);
                liveKeys.set(i, liveKeys.get(liveKeys.size() - 1));
                liveKeys.remove(liveKeys.size() - 1);
                assertThat(scheduler.release(gone)).isTrue();
                live.remove(gone);
                for (Scheduler.Placed p : scheduler.placePending(step)) {
                    live.put(p.request().key(), p.request().shape());
                    liveKeys.add(p.request().key());
                }
                if (step % 100 == 0) {
                    assertNothingWaitingFits(scheduler, step);
                }
            }
        }
        assertNothingWaitingFits(scheduler, -1);
        assertThat(scheduler.pendingCount()).as("the fill-up overloads the cluster").isPositive();
        long units = 0;
        for (ResourceShape s : live.values()) {
            units += s.unitsPerGpu() * s.gpuCount();
        }
        long held = 0;
        for (ClusterView.Node node : scheduler.view().nodes()) {
            held += node.ledger().unitsUsedTotal();
        }
        assertThat(held).isEqualTo(units);
        assertThat(scheduler.view().allocationCount()).isEqualTo(live.size());
    }

    private static ResourceRequest request(Random random, int step) {
        ResourceShape shape;
        int kind = random.nextInt(20);
        if (kind == 0) {
            shape = ResourceShape.wholeGpus(2, 0);
        } else if (kind == 1) {
            shape = ResourceShape.fraction(2_500, 40 * GIB, 0);
        } else {
            long u = UNITS[random.nextInt(UNITS.length)];
            shape = u == 10_000 ? ResourceShape.wholeGpus(1, 0) : ResourceShape.fraction(u, ResourceShape.PROPORTIONAL, 0);
        }
        PlacementStrategy strategy = random.nextInt(3) == 0 ? PlacementStrategy.SPREAD : PlacementStrategy.PACK;
        return new ResourceRequest(new AllocationKey(new ActorId("a" + step), 0), "Scale", null, shape, strategy,
            Map.of(), null, false);
    }

    /** By brute force, once per shape: a shape that waits fits no GPU (or no node's idle GPUs) of the cluster. */
    private static void assertNothingWaitingFits(Scheduler scheduler, int step) {
        Map<ResourceShape, Boolean> fits = new HashMap<>();
        for (Scheduler.PendingView p : scheduler.pending()) {
            ResourceShape shape = p.request().shape();
            assertThat(fits.computeIfAbsent(shape, s -> fitsSomewhere(s, scheduler.view())))
                .as("step %d: %s waits, but fits (%s)", step, p.request(), p.reason()).isFalse();
        }
    }

    private static boolean fitsSomewhere(ResourceShape shape, ClusterView view) {
        for (ClusterView.Node node : view.nodes()) {
            GpuLedger ledger = node.ledger();
            if (shape.gpuCount() > 1 ? ledger.idleGpus().size() >= shape.gpuCount() : ledger.devices().stream()
                .anyMatch(d -> ledger.freeUnits(d.index()) >= shape.unitsPerGpu()
                    && ledger.freeMemory(d.index()) >= shape.memoryOn(d))) {
                return true;
            }
        }
        return false;
    }
}
