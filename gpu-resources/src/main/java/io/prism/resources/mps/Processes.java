package io.prism.resources.mps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a process still runs, counting an exited one its parent has not reaped yet ("zombie") as gone. */
final class Processes {
    private Processes() {
    }

    /**
     * {@link ProcessHandle#isAlive()} says yes to a zombie. The daemon's parent exits at once ({@code -d}), so the
     * daemon is reaped by whatever adopts it, which in a container may take seconds.
     */
    static boolean running(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive() && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end >= 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            // No /proc (not Linux), or the process is gone: trust isAlive.
            return false;
        }
    }
}
