package io.prism.runtime.placement.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What happens to the simulated cluster, in time order: actors arrive with a shape and may depart later.
 *
 * @param description how the workload was made, for the report ("80x0.18,4x1", "random 100000 of ...")
 * @param events      in time order; an actor arrives before it departs, and arrives again only after departing
 */
public record Workload(String description, List<SimEvent> events) {
    public Workload {
        Objects.requireNonNull(description, "description");
        events = List.copyOf(events);
        long last = 0;
        Set<String> live = new HashSet<>();
        for (SimEvent e : events) {
            if (e.atNanos() < last) {
                throw new IllegalArgumentException("event " + e + " comes before the one preceding it, at " + last
                    + " ns; events must be in time order");
            }
            last = e.atNanos();
            boolean consistent = e instanceof SimEvent.Arrive ? live.add(e.actor()) : live.remove(e.actor());
            if (!consistent) {
                throw new IllegalArgumentException("event " + e + ": an actor must arrive before it departs, and "
                    + "depart before it arrives again");
            }
        }
    }

    /** How many arrivals the workload has. */
    public int arrivals() {
        int n = 0;
        for (SimEvent e : events) {
            if (e instanceof SimEvent.Arrive) {
                n++;
            }
        }
        return n;
    }
}
