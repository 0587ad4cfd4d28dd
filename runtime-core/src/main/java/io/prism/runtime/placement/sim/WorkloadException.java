package io.prism.runtime.placement.sim;

/** A workload that cannot be read or run: the message names the text or line, the value and what would be right. */
public final class WorkloadException extends IllegalArgumentException {
    public WorkloadException(String message) {
        super(message);
    }
}
