package io.prism.worker.gpucheck;

import io.prism.resources.mps.MpsController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which processes the node's MPS daemon serves, asked through a controller of its own on the node's MPS settings:
 * such a controller lists servers and clients without starting or stopping anything, so the check needs no handle
 * on the node's running controller.
 *
 * @param byServer each MPS server's PID and the PIDs of its clients, as {@code get_server_list} and
 *                 {@code get_client_list} answered
 */
record MpsClients(Map<Long, List<Long>> byServer) {
    MpsClients {
        byServer = Map.copyOf(byServer);
    }

    /** Asks the daemon that {@code controller}'s settings name. */
    static MpsClients ask(MpsController controller) {
        Map<Long, List<Long>> byServer = new LinkedHashMap<>();
        for (long server : controller.serverList()) {
            byServer.put(server, controller.clientList(server));
        }
        return new MpsClients(byServer);
    }

    /** The MPS server {@code pid} is a client of, or -1. */
    long serverOf(long pid) {
        return byServer.entrySet().stream().filter(e -> e.getValue().contains(pid)).mapToLong(Map.Entry::getKey)
            .findFirst().orElse(-1);
    }

    /** The PIDs of {@code pids} that no server lists as a client. */
    Set<Long> missing(Iterable<Long> pids) {
        Set<Long> missing = new TreeSet<>();
        for (long pid : pids) {
            if (serverOf(pid) < 0) {
                missing.add(pid);
            }
        }
        return missing;
    }

    /** "server 4242: clients 4300, 4301", one server after another; "no MPS server runs" when none does. */
    String describe() {
        if (byServer.isEmpty()) {
            return "no MPS server runs (a server starts with its first client)";
        }
        StringBuilder sb = new StringBuilder();
        byServer.forEach((server, clients) -> sb.append(sb.isEmpty() ? "" : "; ").append("server ").append(server)
            .append(": ").append(clients.isEmpty() ? "no clients" : "clients " + join(clients)));
        return sb.toString();
    }

    private static String join(List<Long> pids) {
        return String.join(", ", pids.stream().map(String::valueOf).toList());
    }
}
