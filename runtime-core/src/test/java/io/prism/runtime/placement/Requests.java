package io.prism.runtime.placement;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders that keep placement tests short: GPUs, shapes and requests by name. */
final class Requests {
    static final long GIB = 1L << 30;
    static final long NOW = 1_000_000_000L;

    private Requests() {
    }

    static List<GpuDevice> gpus(int count, long memory) {
        List<GpuDevice> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            devices.add(GpuDevice.simulated(i, memory));
        }
        return devices;
    }

    static AllocationKey key(String actor) {
        return new AllocationKey(new ActorId(actor), 0);
    }

    /** A fraction such as 0.25 with proportional memory and no CPU, so only GPUs decide. */
    static ResourceShape fraction(double gpus) {
        return ResourceShape.fraction(Math.round(gpus * 10_000), ResourceShape.PROPORTIONAL, 0);
    }

    static ResourceRequest request(String actor, ResourceShape shape) {
        return ResourceRequest.of(key(actor), "com.acme.FraudScorer", shape);
    }

    static ResourceRequest request(String actor, double gpus) {
        return request(actor, fraction(gpus));
    }

    static ResourceRequest spread(String actor, double gpus) {
        return new ResourceRequest(key(actor), "com.acme.FraudScorer", null, fraction(gpus), PlacementStrategy.SPREAD,
            Map.of(), null, false);
    }

    static ResourceRequest onNode(String actor, ResourceShape shape, String node, boolean soft) {
        return new ResourceRequest(key(actor), "com.acme.FraudScorer", null, shape, null, Map.of(), new NodeId(node),
            soft);
    }

    static ResourceRequest withLabels(String actor, ResourceShape shape, Map<String, String> labels) {
        return new ResourceRequest(key(actor), "com.acme.FraudScorer", null, shape, null, labels, null, false);
    }

    /** The placed allocation of {@code outcome}, failing with the outcome when it was not placed. */
    static Scheduler.Placed placed(Scheduler.Outcome outcome) {
        if (outcome instanceof Scheduler.Placed p) {
            return p;
        }
        throw new AssertionError("expected Placed, got " + outcome);
    }

    static Scheduler.Placed submit(Scheduler scheduler, ResourceRequest request) {
        return placed(scheduler.submit(request, NOW, Scheduler.NO_DEADLINE));
    }
}
