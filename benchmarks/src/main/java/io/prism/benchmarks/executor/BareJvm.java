package io.prism.benchmarks.executor;

/** A JVM that starts on the benchmark's class path and exits at once: the floor under any executor start. */
public final class BareJvm {
    private BareJvm() {
    }

    public static void main(String[] args) {
        System.out.println(ProcessHandle.current().pid());
    }
}
