package io.prism.runtime.placement;

import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.GpuLedger;
import io.prism.resources.ledger.AllocationKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Places actors on the cluster and keeps those that do not fit yet in a FIFO pending queue.
 *
 * <p>A request that could never fit on the cluster as it is (more GPUs than any node has, more memory than any
 * GPU) fails at once as {@link Infeasible}, or, in a cluster that nodes may still join, waits for one that can hold
 * it ({@link #infeasibleRequestsWait}). One that fits is reserved in its node's ledger before
 * {@link #submit} returns. Any other waits; after capacity appears ({@link #release}, {@link #addNode}) the owner
 * calls {@link #placePending}, which places every waiting request that now fits, oldest first, and skips those
 * that do not without letting them block the ones behind: a request that fits some GPU is never left waiting.
 *
 * <p>Times are {@link System#nanoTime()} readings compared by subtraction; {@link #NO_DEADLINE} waits for ever.
 * A request past its deadline is no longer placed (its creator has given up); {@link #expire} hands it back.
 *
 * <p>Single-threaded: the resource-manager actor owns it.
 */
public final class Scheduler {
    /** A deadline that never passes. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    /** What became of a submitted request. */
    public sealed interface Outcome permits Placed, Queued, Infeasible {
    }

    /** Placed: {@code allocation} is already reserved in the node's ledger. */
    public record Placed(ResourceRequest request, PlacementDecision decision, Allocation allocation)
        implements Outcome {
    }

    /** Waiting in the pending queue for capacity, because of {@code reason}. */
    public record Queued(ResourceRequest request, String reason) implements Outcome {
    }

    /** It could never fit on any node of the cluster as it is now; {@code reason} names the numbers. */
    public record Infeasible(String reason) implements Outcome {
    }

    /** A waiting request, since when, and why it waits now. */
    public record PendingView(ResourceRequest request, long sinceNanos, String reason) {
    }

    /** A queued request; identity equality, so sets of them hash cheaply. */
    private static final class Waiting {
        final ResourceRequest request;
        final long sinceNanos;
        final long deadlineNanos;
        final long seq;
        final Constraints constraints;

        Waiting(ResourceRequest request, long sinceNanos, long deadlineNanos, long seq) {
            this.request = request;
            this.sinceNanos = sinceNanos;
            this.deadlineNanos = deadlineNanos;
            this.seq = seq;
            this.constraints = new Constraints(request);
        }
    }

    /** The next request of one group to try in a round of {@link #placePending}. */
    private record Cursor(Iterator<Waiting> members, Waiting current) {
    }

    /** Requests that are the same to every policy: one of them not fitting means none of them fits. */
    private record Constraints(ResourceShape shape, Map<String, String> labels, NodeId affinity, boolean soft) {
        Constraints(ResourceRequest r) {
            this(r.shape(), r.labels(), r.affinity(), r.affinitySoft());
        }
    }

    private final ClusterView view = new ClusterView();
    private final Function<PlacementStrategy, PlacementPolicy> policies;
    private final Map<AllocationKey, Waiting> pending = new LinkedHashMap<>();
    /** The same requests grouped by constraints, each group oldest first: a round tries each group's head only. */
    private final Map<Constraints, Set<Waiting>> groups = new HashMap<>();
    private long nextSeq;
    /**
     * Whether a request no node could ever hold waits for a node that can (a cluster, where nodes join) instead of
     * failing at once (one JVM, the simulator).
     */
    private boolean infeasibleWaits;

    /** A scheduler with the standard policies. */
    public Scheduler() {
        this(PlacementPolicies::of);
    }

    /**
     * A scheduler with other policies (the simulator compares them). Each must be complete: it finds a place
     * whenever the request fits somewhere it may go.
     */
    public Scheduler(Function<PlacementStrategy, PlacementPolicy> policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /**
     * From now on a request that no node of the cluster as it is could hold is queued until its deadline, as {@link
     * Queued} with that reason, rather than refused as {@link Infeasible}: a node that can hold it may still join.
     */
    public void infeasibleRequestsWait(boolean wait) {
        this.infeasibleWaits = wait;
    }

    /** Adds an empty node. Call {@link #placePending} next: waiting requests may fit on it. */
    public void addNode(NodeId id, List<GpuDevice> devices, long cpuMillis, Map<String, String> labels) {
        view.addNode(id, devices, cpuMillis, labels);
    }

    /**
     * Adds a node with the allocations it reports holding, as after a resource-manager failover.
     *
     * @throws IllegalStateException when the reports over-commit the node or repeat a key held elsewhere
     */
    public void addNode(NodeId id, List<GpuDevice> devices, long cpuMillis, Map<String, String> labels,
                        Collection<Allocation> held) {
        view.addNode(id, devices, cpuMillis, labels, held, GpuLedger.UNLIMITED);
    }

    /** {@link #addNode(NodeId, List, long, Map, Collection)} for a node that runs at most so many actors per GPU. */
    public void addNode(NodeId id, List<GpuDevice> devices, long cpuMillis, Map<String, String> labels,
                        Collection<Allocation> held, int maxActorsPerGpu) {
        view.addNode(id, devices, cpuMillis, labels, held, maxActorsPerGpu);
    }

    /** Removes a node that left; returns the allocations it held, now released, whose actors must move. */
    public List<Allocation> removeNode(NodeId id) {
        return view.removeNode(id);
    }

    /**
     * Places {@code request} now, queues it, or reports that it can never fit.
     *
     * @param deadlineNanos when to give up waiting, or {@link #NO_DEADLINE}
     * @throws IllegalStateException when its key is already placed or waiting
     */
    public Outcome submit(ResourceRequest request, long nowNanos, long deadlineNanos) {
        AllocationKey key = request.key();
        if (view.nodeOf(key).isPresent() || pending.containsKey(key)) {
            throw new IllegalStateException(key + " is already " + (pending.containsKey(key) ? "waiting to be placed"
                : "placed on node " + view.nodeOf(key).get()) + "; a new incarnation needs a new key");
        }
        String never = Feasibility.whyNever(request, view);
        if (never != null && !infeasibleWaits) {
            return new Infeasible(never);
        }
        Optional<PlacementDecision> decision = never != null ? Optional.empty() : tryPlace(request);
        if (decision.isPresent()) {
            return reserve(request, decision.get());
        }
        enqueue(new Waiting(request, nowNanos, deadlineNanos, nextSeq++));
        return new Queued(request, never != null ? waitingForNode(never) : Feasibility.whyWaiting(request, view));
    }

    /** Frees what {@code key} holds; true the first time, false after (and for a key never placed). */
    public boolean release(AllocationKey key) {
        return view.release(key).isPresent();
    }

    /**
     * Places every waiting request that fits now, oldest first; a request that does not fit does not hold up
     * those behind it. Requests past their deadline are left for {@link #expire}.
     *
     * <p>Requests with the same constraints are tried in order until one does not fit; the rest of that group
     * cannot fit either, since placing only takes capacity away. So a round costs a policy call per group and per
     * placement, not per waiting request.
     */
    public List<Placed> placePending(long nowNanos) {
        List<Placed> placed = new ArrayList<>();
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparingLong(c -> c.current().seq));
        for (Set<Waiting> group : groups.values()) {
            advance(group.iterator(), nowNanos, heads);
        }
        while (!heads.isEmpty()) {
            Cursor head = heads.poll();
            ResourceRequest r = head.current().request;
            Optional<PlacementDecision> decision = tryPlace(r);
            if (decision.isPresent()) {
                head.members().remove();
                pending.remove(r.key());
                placed.add(reserve(r, decision.get()));
                advance(head.members(), nowNanos, heads);
            }
        }
        groups.values().removeIf(Set::isEmpty);
        return placed;
    }

    /** Removes and returns the waiting requests whose deadline has passed, oldest first. */
    public List<ResourceRequest> expire(long nowNanos) {
        List<ResourceRequest> expired = new ArrayList<>();
        for (Iterator<Waiting> it = pending.values().iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (expired(w, nowNanos)) {
                it.remove();
                ungroup(w);
                expired.add(w.request);
            }
        }
        return expired;
    }

    /** Withdraws a waiting request; false when {@code key} is not waiting (use {@link #release} if placed). */
    public boolean cancel(AllocationKey key) {
        Waiting w = pending.remove(key);
        if (w == null) {
            return false;
        }
        ungroup(w);
        return true;
    }

    /** The waiting requests, oldest first, each with why it waits. */
    public List<PendingView> pending() {
        Map<Constraints, String> reasons = new HashMap<>();
        List<PendingView> views = new ArrayList<>(pending.size());
        for (Waiting w : pending.values()) {
            String reason = reasons.get(w.constraints);
            if (reason == null) {
                String never = Feasibility.whyNever(w.request, view);
                if (never != null) {
                    // names the actor, so it is not shared with the rest of its group
                    reason = waitingForNode(never);
                } else {
                    reason = Feasibility.whyWaiting(w.request, view);
                    reasons.put(w.constraints, reason);
                }
            }
            views.add(new PendingView(w.request, w.sinceNanos, reason));
        }
        return views;
    }

    /**
     * Why {@code request} is not placed, in the words of {@link PendingView#reason()}: for a request that no longer
     * waits, such as one {@link #expire} just handed back.
     */
    public String explain(ResourceRequest request) {
        String never = Feasibility.whyNever(request, view);
        if (never != null) {
            return never;
        }
        if (tryPlace(request).isPresent()) {
            return "there is room for it now, but there was none before its deadline";
        }
        return Feasibility.whyWaiting(request, view);
    }

    private static String waitingForNode(String never) {
        return never + "; waiting for a node that can hold it to join";
    }

    public int pendingCount() {
        return pending.size();
    }

    public boolean isPending(AllocationKey key) {
        return pending.containsKey(key);
    }

    public Optional<NodeId> nodeOf(AllocationKey key) {
        return view.nodeOf(key);
    }

    public Optional<Allocation> allocation(AllocationKey key) {
        return view.allocation(key);
    }

    /** The live cluster view, for reading; {@link ClusterView#copy()} it for a snapshot that must not change. */
    public ClusterView view() {
        return view;
    }

    /** The policy's choice, skipping the search when no GPU of the cluster has the units. */
    private Optional<PlacementDecision> tryPlace(ResourceRequest r) {
        if (r.shape().gpuCount() == 1 && r.shape().unitsPerGpu() > view.maxFreeUnits()) {
            return Optional.empty();
        }
        return policies.apply(r.strategyOrDefault()).place(r, view);
    }

    private Placed reserve(ResourceRequest r, PlacementDecision decision) {
        return new Placed(r, decision, view.reserve(r.key(), decision));
    }

    private void enqueue(Waiting w) {
        pending.put(w.request.key(), w);
        groups.computeIfAbsent(w.constraints, c -> new LinkedHashSet<>()).add(w);
    }

    private void ungroup(Waiting w) {
        Set<Waiting> group = groups.get(w.constraints);
        group.remove(w);
        if (group.isEmpty()) {
            groups.remove(w.constraints);
        }
    }

    /** Queues the group's next request that has not expired, if any. */
    private static void advance(Iterator<Waiting> members, long nowNanos, PriorityQueue<Cursor> heads) {
        while (members.hasNext()) {
            Waiting next = members.next();
            if (!expired(next, nowNanos)) {
                heads.add(new Cursor(members, next));
                return;
            }
        }
    }

    private static boolean expired(Waiting w, long nowNanos) {
        return w.deadlineNanos != NO_DEADLINE && nowNanos - w.deadlineNanos >= 0;
    }
}
