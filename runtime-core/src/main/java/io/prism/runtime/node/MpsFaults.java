package io.prism.runtime.node;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.mps.MpsWatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a node's GPUs a fault the MPS watch found reaches, as {@link GpuFaults} tells it for an error that actor
 * code hit. A server's fault reaches every GPU its client processes (this node's executors) use:
 * {@code get_server_status} does not say which GPU faulted. A control daemon that died took every server with it,
 * so it reaches every GPU of the node.
 *
 * <p>A server says FAULT from a fatal fault until the clients of the affected GPU have exited; when this node has
 * just stopped a GPU for a fault (an error a call hit, usually), the FAULT seen meanwhile is that fault's aftermath,
 * and the clients of other GPUs are left alone. A server still in FAULT after that is a fault of its own.
 */
final class MpsFaults {
    private MpsFaults() {
    }

    /**
     * Stop every actor on {@code gpus}, telling each {@code why}; {@code event} goes to the log and to status.
     */
    record Stop(String event, List<Integer> gpus, String why) {
    }

    /**
     * What to stop for {@code report}.
     *
     * @param clientGpus the GPUs of each live client process of this node (see {@link #clientGpus})
     * @param aftermath  whether the node stopped a GPU for a fault so recently that a server in FAULT is still
     *                   waiting for those clients to exit
     */
    static List<Stop> of(MpsWatch.Report report, Map<Long, List<Integer>> clientGpus, List<GpuDevice> devices,
                         String nodeId, boolean aftermath) {
        List<Stop> stops = new ArrayList<>();
        report.daemonLost().ifPresent(lost -> stops.add(new Stop(lost + "; stopping every actor on the GPUs of node "
            + nodeId, devices.stream().map(GpuDevice::index).toList(), "stopped because the MPS control daemon of "
            + "node " + nodeId + " was lost")));
        for (MpsWatch.ServerFault fault : report.faults()) {
            if (aftermath && fault.kind() == MpsWatch.ServerFault.Kind.REPORTS_FAULT) {
                continue;
            }
            Set<Integer> gpus = new TreeSet<>();
            fault.clients().forEach(pid -> gpus.addAll(clientGpus.getOrDefault(pid, List.of())));
            for (int gpu : gpus) {
                String server = "MPS server " + fault.serverPid() + " on GPU " + gpu + " ("
                    + uuid(devices, gpu) + ")";
                stops.add(new Stop(server + " faulted: " + fault.reason() + "; stopping every actor on GPU " + gpu,
                    List.of(gpu), "stopped because " + server + " of node " + nodeId + " faulted"));
            }
        }
        return stops;
    }

    /**
     * The GPUs each process hosting a live incarnation uses; those already stopping are left out (their GPU's fault
     * is being handled, or they are going anyway).
     */
    static Map<Long, List<Integer>> clientGpus(Collection<NodeAgent.Hosted> hosted) {
        Map<Long, List<Integer>> gpus = new HashMap<>();
        for (NodeAgent.Hosted h : hosted) {
            if (h.died == null && h.startFailed == null && !h.stopping) {
                gpus.computeIfAbsent(pid(h), p -> new ArrayList<>()).addAll(h.start.allocation().gpus());
            }
        }
        return gpus;
    }

    private static String uuid(List<GpuDevice> devices, int gpu) {
        return devices.stream().filter(d -> d.index() == gpu).map(GpuDevice::uuid).findFirst().orElse("no UUID");
    }

    /** The MPS client an incarnation is: its executor process, or the worker for one hosted in this JVM. */
    private static long pid(NodeAgent.Hosted h) {
        return h.launch != null && h.launch.process != null ? h.launch.process.pid() : h.pid;
    }
}
