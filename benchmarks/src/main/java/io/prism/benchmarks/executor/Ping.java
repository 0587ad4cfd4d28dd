package io.prism.benchmarks.executor;

import io.prism.Gpu;

/** The smallest GPU actor: what is measured is its process, not its work. */
@Gpu(0.25)
public class Ping {
    public Ping() {
    }

    public long pid() {
        return ProcessHandle.current().pid();
    }
}
