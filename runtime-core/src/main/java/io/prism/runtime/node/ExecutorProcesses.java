package io.prism.runtime.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What {@link ExecutorHosting} needs of a launcher: {@link ExecutorLauncher} starts JVMs; a test, other processes. */
interface ExecutorProcesses {

    ExecutorLauncher.Settings settings();

    /**
     * Starts an executor; it reports to {@code agentPath} with {@code launchId} once it is up.
     *
     * @param environment variables set for this executor only (its MPS share, its GPU)
     * @param spare       it is to wait for an actor, rather than start one at once: it warms up while it waits
     */
    Process launch(String launchId, String agentPath, Map<String, String> environment, boolean spare)
        throws IOException;

    /** The log file of one executor process. */
    Path logFile(String launchId);
}
