package io.prism.runtime.placement;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The cluster as placement sees it: every live node, in the order it joined, with its {@link GpuLedger} and labels,
 * and which node holds each allocation.
 *
 * <p>Besides the ledgers it keeps three indexes, so that a choice among thousands of GPUs is a short walk from the
 * best candidate rather than a scan of all of them: every GPU with free units in PACK order (fewest free units
 * first), the nodes with GPUs by idle GPUs (PACK's order for whole GPUs), and the nodes with GPUs by load (SPREAD's
 * order). A change to a node re-keys only the entries whose keys changed.
 *
 * <p>Not thread-safe. The ledgers it hands out are for reading: a scheduler's view changes only through the
 * scheduler, which keeps the index in step.
 */
public final class ClusterView {
    /*
     * The orders are written out rather than chained with Comparator.thenComparing: they run a dozen times per
     * placement, and the chained lambdas were half of a placement's time at 1,000 nodes.
     */
    /** Best fit first: fewest free units, then GPUs on nodes already in use, on the most packed node, by join order. */
    private static final Comparator<Slot> PACK_ORDER = (a, b) -> {
        int c = Long.compare(a.freeUnits, b.freeUnits);
        if (c == 0) {
            c = Boolean.compare(a.nodeIdle, b.nodeIdle);
        }
        if (c == 0) {
            c = Integer.compare(a.nodeIdleGpus, b.nodeIdleGpus);
        }
        if (c == 0) {
            c = Long.compare(a.nodeSeq, b.nodeSeq);
        }
        return c == 0 ? Integer.compare(a.gpu, b.gpu) : c;
    };
    /** Fewest idle GPUs first, then nodes already in use, by join order: where PACK puts whole GPUs. */
    private static final Comparator<Node> IDLE_ORDER = (a, b) -> {
        int c = Integer.compare(a.keyIdleGpus, b.keyIdleGpus);
        if (c == 0) {
            c = Boolean.compare(b.keyInUse, a.keyInUse);
        }
        return c == 0 ? Long.compare(a.seq, b.seq) : c;
    };
    /** Least loaded first (share of GPU units in use, compared without division), most free GPU, join order. */
    private static final Comparator<Node> LOAD_ORDER = (a, b) -> {
        int c = Long.compare(a.keyUnitsUsed * b.unitsTotal, b.keyUnitsUsed * a.unitsTotal);
        if (c == 0) {
            c = Long.compare(b.keyMaxFreeUnits, a.keyMaxFreeUnits);
        }
        return c == 0 ? Long.compare(a.seq, b.seq) : c;
    };

    private final Map<NodeId, Node> nodes = new LinkedHashMap<>();
    private final Map<AllocationKey, Node> holder = new HashMap<>();
    private final TreeSet<Slot> packIndex = new TreeSet<>(PACK_ORDER);
    private final TreeSet<Node> idleIndex = new TreeSet<>(IDLE_ORDER);
    private final TreeSet<Node> loadIndex = new TreeSet<>(LOAD_ORDER);
    private long nextSeq;
    private int gpuCount;

    /** One node: its ledger and labels. */
    public static final class Node {
        private final NodeId id;
        private final GpuLedger ledger;
        private final Map<String, String> labels;
        private final long seq;
        private final long unitsTotal;
        /** The PACK index entry of each GPU, by position in the ledger's devices; null where none is free. */
        private final Slot[] slots;
        /** The keys the node is filed under in the node indexes, as they were when it was filed. */
        private int keyIdleGpus;
        private boolean keyInUse;
        private long keyUnitsUsed;
        private long keyMaxFreeUnits;
        private boolean filed;

        private Node(NodeId id, GpuLedger ledger, Map<String, String> labels, long seq) {
            this.id = id;
            this.ledger = ledger;
            this.labels = Map.copyOf(labels);
            this.seq = seq;
            this.unitsTotal = ledger.unitsTotal();
            this.slots = new Slot[ledger.devices().size()];
        }

        /** A key to start a walk of the idle index from: no node sorts before it among those with {@code idle}. */
        private Node(int idleGpus) {
            this.id = null;
            this.ledger = null;
            this.labels = Map.of();
            this.seq = Long.MIN_VALUE;
            this.unitsTotal = 0;
            this.slots = new Slot[0];
            this.keyIdleGpus = idleGpus;
            this.keyInUse = true;
        }

        public NodeId id() {
            return id;
        }

        /** The node's allocations; read it, do not change it. */
        public GpuLedger ledger() {
            return ledger;
        }

        public Map<String, String> labels() {
            return labels;
        }

        /** Whether the node carries every one of {@code required}. */
        public boolean hasLabels(Map<String, String> required) {
            for (Map.Entry<String, String> e : required.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether any actor holds a share of one of its GPUs. */
        public boolean gpusInUse() {
            return ledger.unitsUsedTotal() > 0;
        }

        long seq() {
            return seq;
        }

        /** The most free units on one of its GPUs. */
        long maxFreeUnits() {
            return keyMaxFreeUnits;
        }

        @Override
        public String toString() {
            return id + " " + ledger;
        }
    }

    /** One GPU in the PACK index, keyed by the values it had when indexed. */
    record Slot(Node node, int gpu, long freeUnits, boolean nodeIdle, int nodeIdleGpus, long nodeSeq) {
    }

    /**
     * Adds an empty node.
     *
     * @throws IllegalStateException when a node with that id is already here
     */
    public Node addNode(NodeId id, List<GpuDevice> devices, long cpuMillis, Map<String, String> labels) {
        return addNode(id, devices, cpuMillis, labels, List.of(), GpuLedger.UNLIMITED);
    }

    /**
     * Adds a node with the allocations it reports holding (how a new resource manager rebuilds its view).
     *
     * @param maxActorsPerGpu allocations one GPU of this node may hold ({@link GpuLedger#UNLIMITED} for no limit)
     * @throws IllegalStateException when the node is already here, the allocations over-commit it, or one of their
     *                               keys is already held on another node
     */
    public Node addNode(NodeId id, List<GpuDevice> devices, long cpuMillis, Map<String, String> labels,
                        Collection<Allocation> held, int maxActorsPerGpu) {
        Objects.requireNonNull(id, "id");
        if (nodes.containsKey(id)) {
            throw new IllegalStateException("node " + id + " is already in the cluster; remove it before adding it "
                + "again");
        }
        for (Allocation a : held) {
            Node other = holder.get(a.key());
            if (other != null) {
                throw new IllegalStateException("node " + id + " reports " + a + ", but " + a.key()
                    + " is already held on node " + other.id);
            }
        }
        Node node = new Node(id, GpuLedger.rebuild(devices, cpuMillis, held, maxActorsPerGpu), labels == null ? Map.of() : labels,
            nextSeq++);
        nodes.put(id, node);
        gpuCount += devices.size();
        for (Allocation a : held) {
            holder.put(a.key(), node);
        }
        index(node);
        return node;
    }

    /** Removes a node; returns what it held, each allocation now released from the view. */
    public List<Allocation> removeNode(NodeId id) {
        Node node = nodes.remove(id);
        if (node == null) {
            return List.of();
        }
        unindex(node);
        idleIndex.remove(node);
        loadIndex.remove(node);
        gpuCount -= node.ledger.devices().size();
        List<Allocation> held = new ArrayList<>(node.ledger.allocations());
        for (Allocation a : held) {
            holder.remove(a.key());
        }
        return held;
    }

    /** Every node, in the order they joined; a read-only view. */
    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public Optional<Node> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** GPUs over all nodes. */
    public int gpuCount() {
        return gpuCount;
    }

    /** The node holding {@code key}'s allocation. */
    public Optional<NodeId> nodeOf(AllocationKey key) {
        Node node = holder.get(key);
        return node == null ? Optional.empty() : Optional.of(node.id);
    }

    public Optional<Allocation> allocation(AllocationKey key) {
        Node node = holder.get(key);
        return node == null ? Optional.empty() : node.ledger.allocation(key);
    }

    /** How many allocations the cluster holds. */
    public int allocationCount() {
        return holder.size();
    }

    /** The most free units on any one GPU of the cluster. */
    public long maxFreeUnits() {
        return packIndex.isEmpty() ? 0 : packIndex.last().freeUnits();
    }

    /** An independent copy, for a snapshot that must not change under its reader. */
    public ClusterView copy() {
        ClusterView copy = new ClusterView();
        for (Node n : nodes.values()) {
            copy.addNode(n.id, n.ledger.devices(), n.ledger.cpuMillisTotal(), n.labels, n.ledger.allocations(),
                n.ledger.maxActorsPerGpu());
        }
        return copy;
    }

    /** GPUs with at least {@code minFreeUnits} free, in PACK order. */
    NavigableSet<Slot> packOrder(long minFreeUnits) {
        Slot from = new Slot(null, Integer.MIN_VALUE, minFreeUnits, false, Integer.MIN_VALUE, Long.MIN_VALUE);
        return packIndex.tailSet(from, true);
    }

    /** Nodes with at least {@code minIdleGpus} idle GPUs, fewest idle first, then those in use, by join order. */
    NavigableSet<Node> byIdleGpus(int minIdleGpus) {
        return idleIndex.tailSet(new Node(minIdleGpus), true);
    }

    /** Nodes with GPUs, least loaded first, then by most free units on one GPU, by join order. */
    NavigableSet<Node> byLoad() {
        return loadIndex;
    }

    /** Reserves a policy's decision for {@code key}. */
    Allocation reserve(AllocationKey key, PlacementDecision decision) {
        if (holder.containsKey(key)) {
            throw new IllegalStateException(key + " is already held on node " + holder.get(key).id);
        }
        Node node = nodes.get(decision.node());
        if (node == null) {
            throw new IllegalStateException("cannot reserve for " + key + " on node " + decision.node()
                + ", which is not in the cluster");
        }
        Allocation a = node.ledger.allocate(key, decision.gpus(), decision.unitsPerGpu(),
            decision.memoryPerGpu(), decision.cpuMillis());
        holder.put(key, node);
        index(node);
        return a;
    }

    /** Frees {@code key}'s allocation, once. */
    Optional<Allocation> release(AllocationKey key) {
        Node node = holder.remove(key);
        if (node == null) {
            return Optional.empty();
        }
        Optional<Allocation> freed = node.ledger.release(key);
        index(node);
        return freed;
    }

    private void unindex(Node node) {
        for (int i = 0; i < node.slots.length; i++) {
            if (node.slots[i] != null) {
                packIndex.remove(node.slots[i]);
                node.slots[i] = null;
            }
        }
    }

    /** Files the node under its keys as they are now, moving only the entries whose keys changed. */
    private void index(Node node) {
        GpuLedger ledger = node.ledger;
        boolean inUse = node.gpusInUse();
        int idleGpus = ledger.idleGpuCount();
        List<GpuDevice> devices = ledger.devices();
        long maxFree = 0;
        for (int i = 0; i < devices.size(); i++) {
            int gpu = devices.get(i).index();
            long free = ledger.freeUnits(gpu);
            maxFree = Math.max(maxFree, free);
            Slot old = node.slots[i];
            if (old != null && old.freeUnits() == free && old.nodeIdle() == !inUse && old.nodeIdleGpus() == idleGpus) {
                continue;
            }
            if (old != null) {
                packIndex.remove(old);
            }
            node.slots[i] = free > 0 ? new Slot(node, gpu, free, !inUse, idleGpus, node.seq) : null;
            if (free > 0) {
                packIndex.add(node.slots[i]);
            }
        }
        if (devices.isEmpty()) {
            return;
        }
        if (!node.filed || node.keyIdleGpus != idleGpus || node.keyInUse != inUse) {
            idleIndex.remove(node);
            node.keyIdleGpus = idleGpus;
            node.keyInUse = inUse;
            idleIndex.add(node);
        }
        loadIndex.remove(node);
        node.keyUnitsUsed = ledger.unitsUsedTotal();
        node.keyMaxFreeUnits = maxFree;
        loadIndex.add(node);
        node.filed = true;
    }

    @Override
    public String toString() {
        return "ClusterView" + nodes.values();
    }
}
