package io.prism.worker.status;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.resources.device.MemorySize;
import io.prism.worker.console.GpuBars;
import io.prism.worker.console.TextTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster state as text: a summary line, then nodes, GPUs (bars, each followed by the actors on it), actors and
 * pending requests. Dead actors are only counted: the resource manager keeps thousands of them for late callers.
 */
final class StatusReport {
    private static final String INDENT = "  ";
    private static final String PEKKO_PREFIX = "pekko://prism@";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Actors of one node together, unplaced ones last; the manager's table has no order of its own. */
    private static final Comparator<ClusterState.Actor> BY_NODE_THEN_NAME = Comparator
        .comparing((ClusterState.Actor a) -> a.placement() == null ? null : a.placement().node(),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(StatusReport::label);

    private StatusReport() {
    }

    static List<String> lines(String address, ClusterState state) {
        Map<ActorId, String> names = new HashMap<>();
        List<ClusterState.Actor> live = new ArrayList<>();
        for (ClusterState.Actor actor : state.actors()) {
            names.put(actor.id(), label(actor));
            if (actor.state() != ActorState.DEAD) {
                live.add(actor);
            }
        }
        live.sort(BY_NODE_THEN_NAME);
        int dead = state.actors().size() - live.size();
        long gpus = state.nodes().stream().mapToLong(n -> n.gpus().size()).sum();

        List<String> lines = new ArrayList<>();
        lines.add("Prism cluster at " + address + ": " + count(state.nodes().size(), "node") + ", "
            + count(gpus, "GPU") + " (" + state.gpusInUse() + " in use), " + count(live.size(), "actor") + ", "
            + state.pending().size() + " pending");
        lines.add("");
        lines.add("Nodes");
        lines.addAll(nodes(state).lines(INDENT));
        if (gpus > 0) {
            lines.add("");
            lines.add("GPUs");
            lines.addAll(gpus(state, names));
        }
        lines.add("");
        lines.add(dead == 0 ? "Actors" : "Actors (" + count(dead, "dead actor") + " not shown; --json lists them)");
        if (live.isEmpty()) {
            lines.add(INDENT + "none");
        } else {
            lines.addAll(actors(live).lines(INDENT));
        }
        if (!state.pending().isEmpty()) {
            lines.add("");
            lines.add("Pending");
            lines.addAll(pending(state.pending()).lines(INDENT));
        }
        if (!state.events().isEmpty()) {
            lines.add("");
            lines.add("Events");
            for (ClusterState.Event event : state.events()) {
                lines.add(INDENT + TIME.format(Instant.ofEpochMilli(event.timeMillis())) + "  " + event.node() + "  "
                    + event.message());
            }
        }
        return lines;
    }

    private static TextTable nodes(ClusterState state) {
        TextTable table = new TextTable("node", "address", "state", ">GPUs", ">CPUs used", "isolation");
        for (ClusterState.Node node : state.nodes()) {
            table.row(node.id(), hostPort(node.address()), node.state(), node.gpus().size(),
                decimal(node.cpusUsed()) + " of " + decimal(node.cpus()), node.isolationDetail().isEmpty()
                    ? node.isolation() : node.isolation() + ": " + node.isolationDetail());
        }
        return table;
    }

    /** GpuBars draws one line per GPU, nodes in order; the names of the actors holding a share go under each. */
    private static List<String> gpus(ClusterState state, Map<ActorId, String> names) {
        List<String> bars = GpuBars.lines(state, INDENT);
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (ClusterState.Node node : state.nodes()) {
            for (ClusterState.GpuState gpu : node.gpus()) {
                lines.add(bars.get(i++));
                if (!gpu.actors().isEmpty()) {
                    lines.add(INDENT + INDENT + gpu.actors().stream()
                        .map(id -> names.getOrDefault(id, id.value())).collect(Collectors.joining(", ")));
                }
            }
        }
        return lines;
    }

    private static TextTable actors(List<ClusterState.Actor> actors) {
        TextTable table = new TextTable("actor", "class", "state", "node", ">GPU", ">fraction", ">memory",
            ">restarts", "isolation", ">pid");
        for (ClusterState.Actor actor : actors) {
            ActorPlacement p = actor.placement();
            table.row(label(actor), simpleName(actor.className()), actor.state(), p == null ? "-" : p.node(),
                p == null || p.gpus().isEmpty() ? "-" : p.gpus().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")),
                p == null || p.gpus().isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", p.fraction()),
                p == null || p.gpus().isEmpty() ? "-" : MemorySize.format(p.memoryBytes()), actor.restarts(),
                p == null ? "-" : p.isolation(), actor.pid() == 0 ? "-" : actor.pid());
        }
        return table;
    }

    private static TextTable pending(List<ClusterState.Pending> pending) {
        TextTable table = new TextTable("actor", "class", ">waiting", "reason");
        for (ClusterState.Pending p : pending) {
            table.row(p.name() == null ? p.id().value() : p.name(), simpleName(p.className()),
                String.format(Locale.ROOT, "%.1f s", p.waitingMillis() / 1000.0), p.reason());
        }
        return table;
    }

    private static String label(ClusterState.Actor actor) {
        return actor.name() == null ? actor.id().value() : actor.name();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Node addresses arrive as Pekko addresses; people type {@code host:port}. */
    static String hostPort(String address) {
        return address.startsWith(PEKKO_PREFIX) ? address.substring(PEKKO_PREFIX.length()) : address;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
