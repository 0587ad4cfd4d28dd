package io.prism.worker.cluster.actors;

import java.util.List;

/** A user record crossing JVMs as a call argument and result. */
public record Reading(String sensor, int sequence, double value, List<String> tags) {
}
