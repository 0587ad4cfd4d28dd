package io.prism.runtime.placement.sim;

import io.prism.ActorId;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import io.prism.runtime.placement.ClusterView;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.ResourceRequest;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.Scheduler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replays a workload on a simulated cluster through the resource manager's {@link Scheduler} and policies, with a
 * simulated clock. As in the manager, a request that does not fit waits in the scheduler's pending queue and is
 * retried whenever an actor departs; the simulated time it waited is reported. Each {@code submit} that places its
 * request is timed with the real clock.
 */
public final class Simulation {
    /** Told how far a run has got, every few thousand events and at the end. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (policy, done, total) -> {
        };

        void update(PlacementStrategy policy, int done, int total);
    }

    private static final int PROGRESS_EVERY = 8_192;
    /** Enough placements for the JIT to compile the placement path before anything is timed. */
    private static final int WARM_UP_EVENTS = 20_000;
    private static final String ACTOR_CLASS = "Actor";
    private static final double NANOS_PER_SECOND = 1e9;

    private final SimulatedCluster cluster;

    public Simulation(SimulatedCluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * Refuses a workload with an arrival that could never be placed on this cluster, even empty.
     *
     * @throws WorkloadException with the scheduler's reason, naming the actor and the numbers
     */
    public void check(Workload workload) {
        Scheduler empty = cluster.newScheduler();
        Set<ResourceShape> seen = new HashSet<>();
        for (SimEvent e : workload.events()) {
            if (e instanceof SimEvent.Arrive a && seen.add(a.shape())) {
                ResourceRequest r = request(a.actor(), 0, a.shape(), PlacementStrategy.PACK);
                if (empty.submit(r, 0, Scheduler.NO_DEADLINE) instanceof Scheduler.Infeasible never) {
                    throw new WorkloadException(never.reason() + " (simulated: " + cluster.describe() + ")");
                }
                empty.release(r.key());
            }
        }
    }

    /** Runs {@code workload} with every request asking for {@code policy}. */
    public PolicyResult run(Workload workload, PlacementStrategy policy, Progress progress) {
        check(workload);
        return new Run(workload, policy, progress).run();
    }

    /**
     * Runs the start of {@code workload} once, unmeasured, so that the times {@link #run} reports are those of
     * compiled code rather than of the JIT at work.
     */
    public void warmUp(Workload workload, PlacementStrategy policy) {
        List<SimEvent> events = workload.events();
        new Run(new Workload("warm-up", events.subList(0, Math.min(events.size(), WARM_UP_EVENTS))), policy,
            Progress.NONE).run();
    }

    private static ResourceRequest request(String actor, int incarnation, ResourceShape shape,
                                           PlacementStrategy policy) {
        return new ResourceRequest(new AllocationKey(new ActorId(actor), incarnation), ACTOR_CLASS, actor, shape,
            policy, Map.of(), null, false);
    }

    /** One actor's latest incarnation. */
    private static final class Actor {
        final String id;
        int incarnation = -1;
        AllocationKey key;
        ResourceShape shape;
        long arrivedAt;
        boolean waiting;

        Actor(String id) {
            this.id = id;
        }
    }

    /** The state of one run: the scheduler, the actors, and the running totals. */
    private final class Run {
        private final Workload workload;
        private final PlacementStrategy policy;
        private final Progress progress;
        private final Scheduler scheduler = cluster.newScheduler();
        private final Map<String, Actor> actors = new HashMap<>();
        private final Samples placeTimes = new Samples();
        private final Samples waits = new Samples();
        private int requested;
        private int placed;
        private int leftWaiting;
        private long gpusUsed;
        private long peakGpusUsed;
        private long liveUnits;
        private long liveWholeGpus;

        Run(Workload workload, PlacementStrategy policy, Progress progress) {
            this.workload = workload;
            this.policy = Objects.requireNonNull(policy, "policy");
            this.progress = Objects.requireNonNull(progress, "progress");
        }

        PolicyResult run() {
            long start = System.nanoTime();
            int total = workload.events().size();
            int done = 0;
            long now = 0;
            for (SimEvent e : workload.events()) {
                now = e.atNanos();
                if (e instanceof SimEvent.Arrive a) {
                    arrive(a);
                } else {
                    depart(e.actor(), now);
                }
                if (++done % PROGRESS_EVERY == 0) {
                    progress.update(policy, done, total);
                }
            }
            progress.update(policy, done, total);
            int pending = 0;
            int pendingThatFits = 0;
            Map<ResourceShape, Boolean> fits = new HashMap<>();
            for (Actor actor : actors.values()) {
                if (actor.waiting) {
                    pending++;
                    waits.add(now - actor.arrivedAt);
                    if (fits.computeIfAbsent(actor.shape, s -> fitsSomewhere(s, scheduler.view()))) {
                        pendingThatFits++;
                    }
                }
            }
            long lowerBound = (liveUnits + GpuLedger.UNITS_PER_GPU - 1) / GpuLedger.UNITS_PER_GPU;
            return new PolicyResult(policy, requested, placed, pending, leftWaiting, waits.size(),
                waits.percentile(0.5) / NANOS_PER_SECOND, waits.max() / NANOS_PER_SECOND, gpusUsed, peakGpusUsed,
                cluster.gpus(), lowerBound, lowerBound == 0 ? 0 : (double) gpusUsed / lowerBound, liveWholeGpus,
                liveWholeGpus == 0 ? 0 : 100.0 * (liveWholeGpus - gpusUsed) / liveWholeGpus,
                placeTimes.percentile(0.5) / 1e3, placeTimes.percentile(0.99) / 1e3, pendingThatFits,
                now / NANOS_PER_SECOND, (System.nanoTime() - start) / 1_000_000);
        }

        private void arrive(SimEvent.Arrive a) {
            requested++;
            Actor actor = actors.computeIfAbsent(a.actor(), Actor::new);
            actor.incarnation++;
            actor.shape = a.shape();
            actor.arrivedAt = a.atNanos();
            ResourceRequest r = request(actor.id, actor.incarnation, a.shape(), policy);
            actor.key = r.key();
            long t0 = System.nanoTime();
            Scheduler.Outcome outcome = scheduler.submit(r, a.atNanos(), Scheduler.NO_DEADLINE);
            long took = System.nanoTime() - t0;
            if (outcome instanceof Scheduler.Placed p) {
                placeTimes.add(took);
                placed(p);
            } else if (outcome instanceof Scheduler.Queued) {
                actor.waiting = true;
            } else {
                throw new WorkloadException(((Scheduler.Infeasible) outcome).reason());
            }
        }

        private void depart(String id, long now) {
            Actor actor = actors.get(id);
            if (actor.waiting) {
                scheduler.cancel(actor.key);
                actor.waiting = false;
                leftWaiting++;
                waits.add(now - actor.arrivedAt);
                return;
            }
            Allocation a = scheduler.allocation(actor.key).orElseThrow();
            GpuLedger ledger = ledgerOf(scheduler.nodeOf(actor.key).orElseThrow());
            scheduler.release(actor.key);
            for (int gpu : a.gpus()) {
                if (ledger.clients(gpu) == 0) {
                    gpusUsed--;
                }
            }
            liveUnits -= a.unitsPerGpu() * a.gpus().size();
            liveWholeGpus -= a.gpus().size();
            for (Scheduler.Placed p : scheduler.placePending(now)) {
                Actor waited = actors.get(p.request().actorName());
                waited.waiting = false;
                waits.add(now - waited.arrivedAt);
                placed(p);
            }
        }

        private void placed(Scheduler.Placed p) {
            placed++;
            Allocation a = p.allocation();
            GpuLedger ledger = ledgerOf(p.decision().node());
            for (int gpu : a.gpus()) {
                if (ledger.clients(gpu) == 1) {
                    gpusUsed++;
                }
            }
            peakGpusUsed = Math.max(peakGpusUsed, gpusUsed);
            liveUnits += a.unitsPerGpu() * a.gpus().size();
            liveWholeGpus += a.gpus().size();
        }

        private GpuLedger ledgerOf(NodeId node) {
            return scheduler.view().node(node).orElseThrow().ledger();
        }
    }

    /** Whether {@code shape} fits some GPU (or enough idle GPUs of one node) now, looking at every GPU. */
    private static boolean fitsSomewhere(ResourceShape shape, ClusterView view) {
        for (ClusterView.Node node : view.nodes()) {
            GpuLedger ledger = node.ledger();
            if (shape.gpuCount() > 1) {
                if (ledger.idleGpuCount() >= shape.gpuCount()) {
                    return true;
                }
                continue;
            }
            for (GpuDevice d : ledger.devices()) {
                if (ledger.freeUnits(d.index()) >= shape.unitsPerGpu()
                    && ledger.freeMemory(d.index()) >= shape.memoryOn(d)) {
                    return true;
                }
            }
        }
        return false;
    }
}
