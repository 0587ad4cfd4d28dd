package io.prism.worker.gpucheck;

import io.prism.ActorHandle;
import io.prism.ClusterState;
import io.prism.ActorPlacement;
import io.prism.Isolation;
import io.prism.resources.device.MemorySize;
import io.prism.worker.console.TextTable;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Step 3: the scorers share the checked GPU, each in an executor process of its own that the MPS daemon lists as
 * one of its clients.
 */
final class ScorersStep {
    /** One actor as the check sees it; {@code pid} is -1 when no executor process was found. */
    record Row(String name, ActorPlacement placement, long pid) {
        static Row of(ActorHandle<?> actor, ClusterState state) {
            return new Row(actor.name().orElse(actor.id().value()), actor.placement(),
                ExecutorPids.of(state, actor.id()).orElse(-1));
        }
    }

    private ScorersStep() {
    }

    /** Prints where each actor runs and its MPS server; true when all are MPS clients on GPU {@code gpu}. */
    static boolean run(List<Row> rows, int gpu, MpsClients mps, CheckReport.Section section) {
        TextTable table = new TextTable("actor", ">GPU", ">fraction", ">memory", "isolation", ">executor pid",
            ">MPS server");
        Set<Long> pids = new HashSet<>();
        for (Row row : rows) {
            ActorPlacement p = row.placement();
            long server = row.pid() < 0 ? -1 : mps.serverOf(row.pid());
            table.row(row.name(), p.gpuIndex(), String.format(Locale.ROOT, "%.2f", p.fraction()),
                MemorySize.format(p.memoryBytes()), p.isolation(), row.pid() < 0 ? "-" : row.pid(),
                server < 0 ? "none" : server);
            pids.add(row.pid());
        }
        section.table(table);
        section.line("MPS daemon: " + mps.describe());
        for (Row row : rows) {
            ActorPlacement p = row.placement();
            if (p.isolation() != Isolation.PROCESS || p.gpuIndex() != gpu) {
                return section.fail(row.name() + " runs on GPU " + p.gpuIndex() + " with isolation " + p.isolation()
                    + "; expected GPU " + gpu + " with isolation PROCESS");
            }
            if (row.pid() < 0) {
                return section.fail(row.name() + " has no executor process under this JVM");
            }
        }
        if (pids.size() != rows.size()) {
            return section.fail(rows.size() + " actors share " + pids.size() + " executor processes; expected one "
                + "process per actor");
        }
        Set<Long> missing = mps.missing(pids);
        if (!missing.isEmpty()) {
            return section.fail("executor pid" + (missing.size() == 1 ? " " : "s ") + missing + " not among the MPS "
                + "daemon's clients: those executors run without MPS limits");
        }
        return section.pass(rows.size() + " actors on GPU " + gpu + ", " + rows.size() + " executor processes, every "
            + "one an MPS client");
    }
}
