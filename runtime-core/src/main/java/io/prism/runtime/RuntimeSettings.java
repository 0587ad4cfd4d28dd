package io.prism.runtime;

import com.typesafe.config.Config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code prism { ... }} settings of runtime-core, read once from the merged configuration. */
public record RuntimeSettings(String gpus, String gpusWhenNoCuda, int cpus, String nodeName,
                              Map<String, String> labels, Duration placementTimeout, Duration callTimeout,
                              Duration controlTimeout, Duration joinTimeout, Duration recoveryTimeout, Duration drainTimeout,
                              Duration pendingCheckInterval, boolean infeasibleRequestsWait,
                              int locationCacheSize) {

    public static RuntimeSettings from(Config root) {
        Config c = root.getConfig("prism");
        Map<String, String> labels = new LinkedHashMap<>();
        c.getConfig("labels").entrySet().forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
        int cpus = c.getInt("cpus");
        String infeasible = c.getString("infeasible-requests");
        if (!infeasible.equals("wait") && !infeasible.equals("fail")) {
            throw new IllegalArgumentException("prism.infeasible-requests = \"" + infeasible
                + "\": use wait (until placement-timeout, for a node that can hold the actor to join) or fail");
        }
        return new RuntimeSettings(c.getString("gpus"), c.getString("gpus-when-no-cuda"),
            cpus > 0 ? cpus : Runtime.getRuntime().availableProcessors(), c.getString("node-name"), Map.copyOf(labels),
            c.getDuration("placement-timeout"), c.getDuration("call-timeout"), c.getDuration("control-timeout"),
            c.getDuration("join-timeout"), c.getDuration("recovery-timeout"), c.getDuration("drain-timeout"),
            c.getDuration("pending-check-interval"), infeasible.equals("wait"), c.getInt("location-cache-size"));
    }
}
