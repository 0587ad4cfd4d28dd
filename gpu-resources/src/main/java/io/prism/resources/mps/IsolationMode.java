package io.prism.resources.mps;

import java.util.Locale;

/** The isolation an operator asks a worker for ({@code --isolation process|shared|auto}). */
public enum IsolationMode {
    /** Every GPU actor in its own executor process, an MPS client capped by the driver. */
    PROCESS,
    /** GPU actors inside the worker JVM, capped by the ledger and their context's memory budget. */
    SHARED,
    /** PROCESS where the node has real GPUs and a verified MPS daemon, else SHARED. */
    AUTO;

    /**
     * The mode {@code text} names, in any case.
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static IsolationMode parse(String text) {
        String name = text == null ? "" : text.trim();
        for (IsolationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("isolation '" + text + "': use process, shared or auto");
    }

    /** The lower-case name, as the command line and the config spell it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
