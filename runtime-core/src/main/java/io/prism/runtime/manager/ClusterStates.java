package io.prism.runtime.manager;

import io.prism.ActorId;
import io.prism.ClusterState;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.placement.ClusterView;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.Scheduler;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.ledger.GpuLedger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the api's {@link ClusterState} from the resource manager's scheduler and actor table. */
final class ClusterStates {
    private ClusterStates() {
    }

    static ClusterState snapshot(Scheduler scheduler, Collection<ActorRecord> actors,
                                 Map<NodeId, NodeAgent.NodeInfo> infos, List<ClusterState.Event> events,
                                 Function<String, String> membership, long nowNanos) {
        List<ClusterState.Node> nodes = new ArrayList<>();
        for (ClusterView.Node node : scheduler.view().nodes()) {
            NodeAgent.NodeInfo info = infos.get(node.id());
            GpuLedger ledger = node.ledger();
            List<ClusterState.GpuState> gpus = new ArrayList<>();
            for (GpuDevice d : ledger.devices()) {
                List<ActorId> on = ledger.onGpu(d.index()).stream().map(AllocationKey::actor).toList();
                gpus.add(new ClusterState.GpuState(d.index(), d.name(), d.simulated(), d.totalMemory(),
                    ledger.usedUnits(d.index()), ledger.usedMemory(d.index()), on));
            }
            nodes.add(new ClusterState.Node(node.id().value(), info == null ? "" : info.address(),
                info == null ? "" : membership.apply(info.address()),
                info == null ? io.prism.Isolation.NONE : info.isolation(), info == null ? "" : info.isolationDetail(),
                ledger.cpuMillisTotal() / 1000.0,
                ledger.cpuMillisUsed() / 1000.0, gpus));
        }
        List<ClusterState.Actor> actorStates = new ArrayList<>();
        for (ActorRecord r : actors) {
            actorStates.add(new ClusterState.Actor(r.spec.id(), r.spec.name(), r.spec.className(), r.state,
                r.placement, r.restarts, r.pid));
        }
        List<ClusterState.Pending> pending = new ArrayList<>();
        for (Scheduler.PendingView p : scheduler.pending()) {
            pending.add(new ClusterState.Pending(p.request().key().actor(), p.request().actorName(),
                p.request().actorClass(), p.reason(), (nowNanos - p.sinceNanos()) / 1_000_000));
        }
        return new ClusterState(nodes, actorStates, pending, events);
    }
}
