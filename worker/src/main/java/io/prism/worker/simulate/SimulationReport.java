package io.prism.worker.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prism.runtime.placement.sim.PolicyResult;
import io.prism.runtime.placement.sim.SimulatedCluster;
import io.prism.runtime.placement.sim.Workload;
import io.prism.worker.console.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints simulation results: a table with one row per policy and a legend, or the same as JSON. */
final class SimulationReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationReport() {
    }

    static List<String> lines(SimulatedCluster cluster, Workload workload, List<PolicyResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("cluster   " + cluster.describe() + " (" + count(cluster.gpus()) + " GPUs)");
        lines.add("workload  " + workload.description() + ": " + count(workload.arrivals()) + " actors, "
            + count(workload.events().size()) + " events");
        lines.add("");
        TextTable table = new TextTable("policy", ">requested", ">placed", ">pending", ">waited", ">wait p50",
            ">wait max", ">GPUs used", ">⌈Σ⌉", ">ratio", ">whole-GPU", ">saving", ">place p50", ">place p99",
            ">wall");
        for (PolicyResult r : results) {
            boolean waited = r.waited() > 0;
            table.row(r.policy(), count(r.requested()), count(r.placed()), count(r.pending()), count(r.waited()),
                waited ? seconds(r.waitP50Seconds()) : "-", waited ? seconds(r.waitMaxSeconds()) : "-",
                count(r.gpusUsed()), count(r.lowerBound()), r.lowerBound() == 0 ? "-" : fixed(r.ratio(), 3),
                count(r.wholeGpuBaseline()), fixed(r.savingPercent(), 1) + "%", micros(r.placeP50Micros()),
                micros(r.placeP99Micros()), fixed(r.wallMillis() / 1000.0, 1) + " s");
        }
        lines.addAll(table.lines(""));
        lines.add("");
        lines.add("At the last event. waited: requests that queued for capacity, with their simulated wait; ⌈Σ⌉: the");
        lines.add("fewest GPUs the placed actors fit on; whole-GPU: GPUs they would use with one GPU each; place: time");
        lines.add("of one placement decision and reservation on this machine, after a warm-up run.");
        for (PolicyResult r : results) {
            if (r.pendingThatFits() > 0) {
                lines.add(r.policy() + ": " + count(r.pendingThatFits()) + " pending requests fit a GPU that has "
                    + "room for them: a placement bug, please report it");
            }
        }
        return lines;
    }

    static String json(SimulatedCluster cluster, Workload workload, List<PolicyResult> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", Map.of("nodes", cluster.nodes(), "gpusPerNode", cluster.gpusPerNode(),
            "gpuMemoryBytes", cluster.gpuMemoryBytes(), "gpus", cluster.gpus()));
        doc.put("workload", Map.of("description", workload.description(), "actors", workload.arrivals(),
            "events", workload.events().size()));
        doc.put("results", results);
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulation results could not be written as JSON: "
                + e.getOriginalMessage(), e);
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String seconds(double s) {
        return s < 10 ? fixed(s, 2) + " s" : fixed(s, 0) + " s";
    }

    private static String micros(double us) {
        return fixed(us, 1) + " µs";
    }
}
