package io.prism;

import java.util.List;

/**
 * A point-in-time view of the cluster as the resource manager sees it: nodes and their GPUs, actors, the
 * requests waiting for capacity, and recent events such as GPU faults.
 */
public record ClusterState(List<Node> nodes, List<Actor> actors, List<Pending> pending, List<Event> events) {
    public ClusterState {
        nodes = List.copyOf(nodes);
        actors = List.copyOf(actors);
        pending = List.copyOf(pending);
        events = List.copyOf(events);
    }

    /** GPUs that hold at least one actor, over all nodes. */
    public long gpusInUse() {
        return nodes.stream().flatMap(n -> n.gpus().stream()).filter(g -> g.usedUnits() > 0).count();
    }

    /**
     * A node: its id, address, its cluster membership state ("Up", "Leaving", "Up, unreachable", ...), the isolation
     * it provides and what enforces it (e.g. "MPS daemon" or why there is none), CPUs and GPUs.
     */
    public record Node(String id, String address, String state, Isolation isolation, String isolationDetail,
                       double cpus, double cpusUsed, List<GpuState> gpus) {
        public Node {
            gpus = List.copyOf(gpus);
        }
    }

    /** A GPU with its used units and memory and the actors that hold a share of it. */
    public record GpuState(int index, String name, boolean simulated, long totalMemory, long usedUnits,
                           long usedMemory, List<ActorId> actors) {
        public GpuState {
            actors = List.copyOf(actors);
        }

        public double usedFraction() {
            return usedUnits / (double) ActorPlacement.UNITS_PER_GPU;
        }
    }

    /**
     * An actor: id, optional name, class, state, (when placed) placement, and the process it runs in: its executor
     * under process isolation, else its worker; 0 while it does not run.
     */
    public record Actor(ActorId id, String name, String className, ActorState state, ActorPlacement placement,
                        int restarts, long pid) {
    }

    /** A request waiting for capacity and why it waits. */
    public record Pending(ActorId id, String name, String className, String reason, long waitingMillis) {
    }

    /** Something that happened on a node that a person should see, e.g. a GPU fault that stopped its actors. */
    public record Event(long timeMillis, String node, String message) {
    }
}
