package io.prism.runtime.placement;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random submit/release/cancel/addNode/removeNode sequences. After every step the ledgers must hold exactly the
 * live allocations without over-committing any GPU or node, and no waiting request may fit anywhere (checked by
 * brute force, independently of the policies). A failure names its seed; {@code run(seed)} replays it.
 */
class SchedulerPropertyTest {
    private static final long GIB = 1L << 30;
    private static final int SEQUENCES = 120;
    private static final int STEPS = 150;
    private static final long[] FRACTIONS = {1, 500, 1_000, 2_500, 3_000, 5_000, 6_000, 7_500, 9_999, 10_000};
    private static final List<Map<String, String>> LABELS = List.of(
        Map.of(), Map.of("gpu-model", "H100"), Map.of("gpu-model", "A100"), Map.of("zone", "z1"));

    @Test
    void ledgersStayConsistentAndNothingThatFitsIsLeftWaiting() {
        long base = 0x5C4ED_0000L;
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = base + i;
            try {
                run(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("scheduler property failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        Scheduler scheduler = new Scheduler();
        Map<AllocationKey, ResourceRequest> live = new HashMap<>();
        Map<AllocationKey, Long> deadlines = new HashMap<>();
        Set<AllocationKey> released = new HashSet<>();
        List<NodeId> nodes = new ArrayList<>();
        int nextNode = 0;
        for (int n = random.nextInt(4); n > 0; n--) {
            nodes.add(addNode(random, scheduler, nextNode++));
        }
        long now = 0;
        for (int step = 0; step < STEPS; step++) {
            now += 1 + random.nextInt(1_000);
            int op = random.nextInt(100);
            if (op < 50) {
                ResourceRequest r = randomRequest(random, nodes, nextNode, step);
                long deadline = random.nextInt(4) == 0 ? now + random.nextInt(5_000) : Scheduler.NO_DEADLINE;
                Scheduler.Outcome outcome = scheduler.submit(r, now, deadline);
                deadlines.put(r.key(), deadline);
                if (outcome instanceof Scheduler.Placed p) {
                    checkPlaced(p, r);
                    live.put(r.key(), r);
                } else if (outcome instanceof Scheduler.Infeasible inf) {
                    expect(!couldEverFit(r, scheduler.view()), () -> "infeasible but could fit when empty: " + r
                        + " (" + inf.reason() + ")");
                } else {
                    expect(!fitsNow(r, scheduler.view()), () -> "queued but fits now: " + r);
                }
            } else if (op < 75 && !live.isEmpty()) {
                List<AllocationKey> keys = new ArrayList<>(live.keySet());
                AllocationKey key = keys.get(random.nextInt(keys.size()));
                expect(scheduler.release(key), () -> "first release of " + key + " failed");
                live.remove(key);
                released.add(key);
                expect(!scheduler.release(key), () -> "second release of " + key + " succeeded");
                place(scheduler, now, live);
            } else if (op < 80 && !released.isEmpty()) {
                AllocationKey again = released.iterator().next();
                expect(!scheduler.release(again), () -> "release of already released " + again + " succeeded");
            } else if (op < 85 && scheduler.pendingCount() > 0) {
                List<Scheduler.PendingView> waiting = scheduler.pending();
                AllocationKey key = waiting.get(random.nextInt(waiting.size())).request().key();
                expect(scheduler.cancel(key), () -> "cancel of waiting " + key + " failed");
                expect(!scheduler.isPending(key), () -> key + " still waits after cancel");
            } else if (op < 91) {
                nodes.add(addNode(random, scheduler, nextNode++));
                place(scheduler, now, live);
            } else if (op < 95 && !nodes.isEmpty()) {
                NodeId gone = nodes.remove(random.nextInt(nodes.size()));
                for (Allocation a : scheduler.removeNode(gone)) {
                    expect(live.remove(a.key()) != null, () -> gone + " handed back unknown " + a);
                    expect(scheduler.nodeOf(a.key()).isEmpty(), () -> a.key() + " still located after its node left");
                }
                place(scheduler, now, live);
            } else {
                for (ResourceRequest r : scheduler.expire(now)) {
                    expect(!scheduler.isPending(r.key()), () -> r.key() + " still waits after expiring");
                }
                place(scheduler, now, live);
            }
            checkLedgers(scheduler.view(), live);
            checkNothingWaitsThatFits(scheduler, now, deadlines);
        }
    }

    private static NodeId addNode(Random random, Scheduler scheduler, int n) {
        NodeId id = new NodeId("node-" + n);
        List<GpuDevice> devices = new ArrayList<>();
        int gpus = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
        long memory = (8 + 8L * random.nextInt(3)) * GIB;
        for (int g = 0; g < gpus; g++) {
            devices.add(GpuDevice.simulated(g, memory));
        }
        scheduler.addNode(id, devices, 1_000L * (1 + random.nextInt(8)), LABELS.get(random.nextInt(LABELS.size())));
        return id;
    }

    private static ResourceRequest randomRequest(Random random, List<NodeId> nodes, int nextNode, int step) {
        ResourceShape shape;
        long cpu = 250L * random.nextInt(5);
        int kind = random.nextInt(20);
        if (kind < 2) {
            shape = ResourceShape.cpuOnly(cpu);
        } else if (kind < 4) {
            shape = ResourceShape.wholeGpus(1 + random.nextInt(3), cpu);
        } else {
            long units = FRACTIONS[random.nextInt(FRACTIONS.length)];
            long memory = units < 10_000 && random.nextInt(4) == 0 ? (1 + random.nextInt(12)) * GIB
                : ResourceShape.PROPORTIONAL;
            shape = new ResourceShape(1, units, memory, cpu);
        }
        Map<String, String> labels = random.nextInt(5) == 0 ? LABELS.get(1 + random.nextInt(3)) : Map.of();
        NodeId affinity = null;
        if (random.nextInt(6) == 0) {
            affinity = !nodes.isEmpty() && random.nextInt(4) > 0 ? nodes.get(random.nextInt(nodes.size()))
                : new NodeId("node-" + (nextNode + random.nextInt(2)));
        }
        PlacementStrategy strategy = random.nextInt(4) == 0 ? PlacementStrategy.SPREAD
            : random.nextBoolean() ? PlacementStrategy.PACK : null;
        return new ResourceRequest(new AllocationKey(new ActorId("a" + step), random.nextInt(2)), "Prop", null, shape,
            strategy, labels, affinity, random.nextBoolean());
    }

    private static void place(Scheduler scheduler, long now, Map<AllocationKey, ResourceRequest> live) {
        for (Scheduler.Placed p : scheduler.placePending(now)) {
            checkPlaced(p, p.request());
            expect(!scheduler.isPending(p.request().key()), () -> p.request().key() + " placed but still waiting");
            live.put(p.request().key(), p.request());
        }
    }

    /** The placement honours the request's shape, labels and strict affinity. */
    private static void checkPlaced(Scheduler.Placed p, ResourceRequest r) {
        ResourceShape shape = r.shape();
        Allocation a = p.allocation();
        expect(a.key().equals(r.key()) && a.gpus().equals(p.decision().gpus()), () -> "allocation " + a
            + " does not match " + p.decision());
        expect(a.gpus().size() == shape.gpuCount() && a.unitsPerGpu() == shape.unitsPerGpu()
            && a.cpuMillis() == shape.cpuMillis(), () -> a + " is not the shape " + shape);
        expect(shape.memoryBytes() == ResourceShape.PROPORTIONAL || a.memoryPerGpu() == shape.memoryBytes(),
            () -> a + " has the wrong memory for " + shape);
        expect(!r.strictAffinity() || p.decision().node().equals(r.affinity()), () -> r + " placed on "
            + p.decision().node());
    }

    /** Invariant 1 and 2: per GPU and node, the ledger is the sum of the live allocations and within capacity. */
    private static void checkLedgers(ClusterView view, Map<AllocationKey, ResourceRequest> live) {
        int held = 0;
        for (ClusterView.Node node : view.nodes()) {
            GpuLedger ledger = node.ledger();
            long cpu = 0;
            for (Allocation a : ledger.allocations()) {
                expect(live.containsKey(a.key()), () -> node.id() + " holds " + a + " of no live actor");
                expect(view.nodeOf(a.key()).orElseThrow().equals(node.id()), () -> a.key() + " located elsewhere");
                cpu += a.cpuMillis();
                held++;
            }
            long cpuUsed = cpu;
            expect(cpu <= ledger.cpuMillisTotal() && ledger.cpuMillisUsed() == cpu,
                () -> node.id() + " CPU " + cpuUsed + " of " + ledger.cpuMillisTotal());
            for (GpuDevice d : ledger.devices()) {
                long units = 0;
                long memory = 0;
                for (Allocation a : ledger.allocations()) {
                    if (a.gpus().contains(d.index())) {
                        units += a.unitsPerGpu();
                        memory += a.memoryPerGpu();
                    }
                }
                long u = units;
                long m = memory;
                expect(units <= GpuLedger.UNITS_PER_GPU && memory <= d.totalMemory(),
                    () -> node.id() + " GPU " + d.index() + " over-committed: " + u + " units, " + m + " bytes");
                expect(ledger.usedUnits(d.index()) == units && ledger.usedMemory(d.index()) == memory,
                    () -> node.id() + " GPU " + d.index() + " ledger disagrees with its allocations");
            }
        }
        int total = held;
        expect(held == live.size() && view.allocationCount() == live.size(),
            () -> total + " allocations held, " + live.size() + " live actors");
    }

    /**
     * Invariant 3, by brute force: after a round of placement, no waiting request fits any node. Requests past
     * their deadline are exempt: the scheduler no longer places them, it hands them to {@code expire}.
     */
    private static void checkNothingWaitsThatFits(Scheduler scheduler, long now, Map<AllocationKey, Long> deadlines) {
        for (Scheduler.PendingView p : scheduler.pending()) {
            long deadline = deadlines.get(p.request().key());
            if (deadline != Scheduler.NO_DEADLINE && now >= deadline) {
                continue;
            }
            expect(!fitsNow(p.request(), scheduler.view()), () -> p.request() + " waits but fits now ("
                + p.reason() + ")");
        }
    }

    private static boolean fitsNow(ResourceRequest r, ClusterView view) {
        for (ClusterView.Node node : view.nodes()) {
            if (allowed(r, node) && fitsEmptyOrNot(r.shape(), node.ledger(), false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean couldEverFit(ResourceRequest r, ClusterView view) {
        for (ClusterView.Node node : view.nodes()) {
            if (allowed(r, node) && fitsEmptyOrNot(r.shape(), node.ledger(), true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(ResourceRequest r, ClusterView.Node node) {
        for (Map.Entry<String, String> e : r.labels().entrySet()) {
            if (!e.getValue().equals(node.labels().get(e.getKey()))) {
                return false;
            }
        }
        return r.affinity() == null || r.affinitySoft() || r.affinity().equals(node.id());
    }

    /** Whether the shape fits the node now, or (empty = true) on the node with nothing allocated. */
    private static boolean fitsEmptyOrNot(ResourceShape shape, GpuLedger ledger, boolean empty) {
        long cpuFree = empty ? ledger.cpuMillisTotal() : ledger.cpuMillisFree();
        if (shape.cpuMillis() > cpuFree) {
            return false;
        }
        int idle = 0;
        for (GpuDevice d : ledger.devices()) {
            long units = 0;
            long memory = 0;
            if (!empty) {
                for (Allocation a : ledger.allocations()) {
                    if (a.gpus().contains(d.index())) {
                        units += a.unitsPerGpu();
                        memory += a.memoryPerGpu();
                    }
                }
            }
            if (units == 0) {
                idle++;
            }
            if (shape.gpuCount() == 1 && units + shape.unitsPerGpu() <= GpuLedger.UNITS_PER_GPU
                && memory + shape.memoryOn(d) <= d.totalMemory()) {
                return true;
            }
        }
        return shape.gpuCount() == 0 || shape.gpuCount() > 1 && idle >= shape.gpuCount();
    }

    private static void expect(boolean condition, Supplier<String> what) {
        if (!condition) {
            throw new AssertionError(what.get());
        }
    }
}
