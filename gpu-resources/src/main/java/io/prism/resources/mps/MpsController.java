package io.prism.resources.mps;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's MPS control daemon: started with the node's own pipe and log directories, checked, given its defaults,
 * asked for its servers and clients, and stopped.
 *
 * <p>Follows NVIDIA's "Multi-Process Service" guide, "Appendix: Tools and Interface Reference"
 * (docs.nvidia.com/deploy/mps), and the {@code nvidia-cuda-mps-control(1)} man page: {@code -d} starts the daemon in
 * the background; commands are written to the control program's stdin, one per line ({@code echo get_server_list |
 * nvidia-cuda-mps-control}); {@code get_server_list} prints the PIDs of the servers, one per line, nothing when none
 * runs yet (a server starts with its first client); {@code get_client_list <PID>} prints the PIDs of that server's
 * clients; {@code set_default_active_thread_percentage <n>} applies to servers started after it and is lost at
 * {@code quit}, which ends the daemon; the daemon writes its PID to {@code nvidia-cuda-mps-control.pid} in
 * {@code CUDA_MPS_PIPE_DIRECTORY} and logs to {@code control.log} in {@code CUDA_MPS_LOG_DIRECTORY}. On newer drivers
 * {@code get_server_status <PID>} says whether a server is {@code ACTIVE} or, after a fatal GPU fault, {@code FAULT}
 * (the guide's "Memory Protection and Error Containment": a faulted server waits for the clients of the affected GPUs
 * to exit, refuses new ones, then recreates its contexts and is {@code ACTIVE} again).
 *
 * <p>Every command has a timeout. Errors name the command, what came back and the end of {@code control.log}.
 */
public final class MpsController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MpsController.class);
    private static final String PID_FILE = "nvidia-cuda-mps-control.pid";
    private static final int LOG_TAIL_LINES = 10;
    private static final long POLL_MILLIS = 20;
    /** UNIX socket paths end at 107 bytes; MPS puts its sockets ("control", ...) inside the pipe directory. */
    private static final int LONGEST_SAFE_PIPE_DIRECTORY = 80;
    private static final Pattern STATUS_WORD = Pattern.compile("\\b(ACTIVE|FAULT)\\b");

    private final MpsSettings settings;
    private final ControlCommand control;
    private boolean started;
    /** Closed with its node: never started again. */
    private boolean closed;
    private long daemonPid = -1;

    private MpsController(MpsSettings settings, ControlCommand control) {
        this.settings = settings;
        this.control = control;
    }

    /**
     * A controller for the daemon {@code settings} describe, its directories created. Starts nothing.
     *
     * @throws MpsException when the binary is not found or the directories cannot be made
     */
    public static MpsController create(MpsSettings settings) {
        Path binary = locate(settings).orElseThrow(() -> new MpsException(missingBinary(settings)));
        try {
            Files.createDirectories(settings.pipeDirectory());
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new MpsException("MPS directories under " + settings.workDir() + " could not be created ("
                + e.getMessage() + "): give the worker a writable work directory", e);
        }
        Map<String, String> env = new HashMap<>(settings.environment());
        env.put(MpsClientEnvironment.PIPE_DIRECTORY, settings.pipeDirectory().toString());
        env.put("CUDA_MPS_LOG_DIRECTORY", settings.logDirectory().toString());
        return new MpsController(settings, new ControlCommand(binary, env, settings.logDirectory()));
    }

    /** The control binary: the configured one if it is an executable file, else the first on {@code PATH}. */
    public static Optional<Path> locate(MpsSettings settings) {
        if (settings.binary().isPresent()) {
            return settings.binary().filter(Files::isExecutable);
        }
        return findOnPath(MpsSettings.BINARY_NAME, System.getenv("PATH"));
    }

    /** The first executable {@code name} in the directories of {@code pathVariable}. */
    static Optional<Path> findOnPath(String name, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static String missingBinary(MpsSettings settings) {
        return settings.binary()
            .map(path -> "MPS control binary " + path + " is missing or not executable")
            .orElse(MpsSettings.BINARY_NAME + " is not on PATH (install the NVIDIA driver's compute utilities, or "
                + "name the binary in the worker's MPS settings)");
    }

    /**
     * Starts the daemon, waits until it answers {@code get_server_list}, and sets its defaults. A daemon left running
     * on this node's pipe directory by an earlier worker is asked to quit first, so the defaults are known.
     *
     * @throws MpsException saying which step failed, with the daemon's log tail; nothing is left running then
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (settings.pipeDirectory().toString().length() > LONGEST_SAFE_PIPE_DIRECTORY) {
            LOG.warn("MPS pipe directory {} is {} characters long; the daemon's sockets in it may exceed the 107-byte "
                + "UNIX socket path limit: use a shorter work directory if the daemon fails to start",
                settings.pipeDirectory(), settings.pipeDirectory().toString().length());
        }
        quitLeftover();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        ControlCommand.Result launched = run(List.of("-d"), null, settings.startTimeout());
        if (!launched.ok()) {
            if (readPid().stream().anyMatch(MpsController::alive)) {
                started = true;
                stopQuietly();
            }
            throw failure("'" + MpsSettings.BINARY_NAME + " -d' exited with " + launched.exitCode() + " ("
                + launched.oneLine() + ")");
        }
        started = true;
        try {
            awaitAnswer(deadline);
            daemonPid = readPid().orElse(-1);
            applyDefaults();
        } catch (MpsException e) {
            stopQuietly();
            throw e;
        }
        LOG.info("MPS control daemon {}started: pipe directory {}, log directory {}",
            daemonPid > 0 ? "(pid " + daemonPid + ") " : "", settings.pipeDirectory(), settings.logDirectory());
    }

    private void awaitAnswer(long deadline) {
        while (true) {
            ControlCommand.Result answer = run(List.of(), "get_server_list", settings.commandTimeout());
            if (answer.ok() && parsePids("get_server_list", answer.output()) != null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure("the daemon did not answer get_server_list within "
                    + ControlCommand.seconds(settings.startTimeout()) + " of starting (last answer: exit "
                    + answer.exitCode() + ", " + answer.oneLine() + ")");
            }
            pause();
        }
    }

    private void applyDefaults() {
        int percentage = settings.defaultActiveThreadPercentage();
        String set = "set_default_active_thread_percentage " + percentage;
        ControlCommand.Result result = run(List.of(), set, settings.commandTimeout());
        if (!result.ok()) {
            throw failure("'" + set + "' failed with exit " + result.exitCode() + " (" + result.oneLine() + ")");
        }
        ControlCommand.Result read = run(List.of(), "get_default_active_thread_percentage", settings.commandTimeout());
        String text = read.output().strip();
        try {
            double value = Double.parseDouble(text);
            if (Math.round(value) != percentage) {
                throw failure("the daemon's default active thread percentage is " + text + " after '" + set + "'");
            }
        } catch (NumberFormatException e) {
            // Only the set command's success matters; a driver that words its answer differently is not a fault.
            LOG.warn("get_default_active_thread_percentage answered {} (exit {}); expected a number", read.oneLine(),
                read.exitCode());
        }
    }

    /** The PIDs of the MPS servers the daemon runs; empty until a client has connected. */
    public synchronized List<Long> serverList() {
        return ask("get_server_list");
    }

    /** The PIDs of the clients connected to the server {@code serverPid}. */
    public synchronized List<Long> clientList(long serverPid) {
        return ask("get_client_list " + serverPid);
    }

    private List<Long> ask(String command) {
        ControlCommand.Result result = run(List.of(), command, settings.commandTimeout());
        List<Long> pids = result.ok() ? parsePids(command, result.output()) : null;
        if (pids == null) {
            throw failure("'" + command + "' answered with exit " + result.exitCode() + " (" + result.oneLine()
                + "); expected process ids, one per line");
        }
        return pids;
    }

    /** What {@code get_server_status} says of a server. */
    public enum ServerStatus {
        /** Serving its clients. */
        ACTIVE,
        /** A fatal GPU fault happened under it: it waits for the affected clients to exit. */
        FAULT
    }

    /**
     * The status of the server {@code serverPid}.
     *
     * @throws MpsException when the command fails, times out, or answers neither {@code ACTIVE} nor {@code FAULT} (a
     *                      driver older than the command)
     */
    public synchronized ServerStatus serverStatus(long serverPid) {
        String command = "get_server_status " + serverPid;
        ControlCommand.Result result = run(List.of(), command, settings.commandTimeout());
        ServerStatus status = result.ok() ? parseStatus(result.output()) : null;
        if (status == null) {
            throw failure("'" + command + "' answered with exit " + result.exitCode() + " (" + result.oneLine()
                + "); expected ACTIVE or FAULT");
        }
        return status;
    }

    /**
     * The first {@code ACTIVE} or {@code FAULT} word of the answer, or null. Upper case only: an error message that
     * mentions "no active server" or "a fault in the RPC" must not read as a status.
     */
    static ServerStatus parseStatus(String output) {
        Matcher word = STATUS_WORD.matcher(output);
        return word.find() ? ServerStatus.valueOf(word.group(1)) : null;
    }

    /** PIDs one per line, or null when a line is not one. */
    static List<Long> parsePids(String command, String output) {
        List<Long> pids = new ArrayList<>();
        for (String line : output.strip().split("\\R")) {
            String pid = line.strip();
            if (pid.isEmpty()) {
                continue;
            }
            try {
                pids.add(Long.parseLong(pid));
            } catch (NumberFormatException e) {
                LOG.debug("{}: '{}' is not a process id", command, pid);
                return null;
            }
        }
        return List.copyOf(pids);
    }

    /** Whether this controller started the daemon, has not stopped it, and the daemon's process is alive. */
    public synchronized boolean isRunning() {
        return started && (daemonPid <= 0 || alive(daemonPid));
    }

    private static boolean alive(long pid) {
        return Processes.running(pid);
    }

    /** The daemon's PID from its pid file, when it wrote one. */
    public synchronized OptionalLong daemonPid() {
        return daemonPid > 0 ? OptionalLong.of(daemonPid) : OptionalLong.empty();
    }

    public MpsSettings settings() {
        return settings;
    }

    /** {@code CUDA_MPS_PIPE_DIRECTORY}, for the clients. */
    public Path pipeDirectory() {
        return settings.pipeDirectory();
    }

    /**
     * Sends {@code quit} and waits until the daemon has exited; a daemon that does not exit within the quit timeout is
     * killed (it is this node's own). Does nothing when the daemon is not running.
     *
     * @throws MpsException when the daemon could not be made to exit
     */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        String quitProblem = null;
        try {
            ControlCommand.Result quit = control.run(List.of(), "quit", settings.commandTimeout());
            if (!quit.ok()) {
                quitProblem = "'quit' answered with exit " + quit.exitCode() + " (" + quit.oneLine() + ")";
            }
        } catch (ControlCommand.TimedOut e) {
            quitProblem = e.getMessage();
        }
        long pid = daemonPid > 0 ? daemonPid : readPid().orElse(-1);
        daemonPid = -1;
        Optional<ProcessHandle> daemon = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (daemon.isEmpty() || awaitExit(daemon.get(), settings.quitTimeout())) {
            if (quitProblem != null) {
                LOG.warn("MPS control daemon exited, but {}", quitProblem);
            }
            return;
        }
        daemon.get().destroyForcibly();
        LOG.warn("MPS control daemon (pid {}) did not exit within {} of quit{}; killed it", pid,
            ControlCommand.seconds(settings.quitTimeout()), quitProblem == null ? "" : " (" + quitProblem + ")");
        if (!awaitExit(daemon.get(), Duration.ofSeconds(5))) {
            throw failure("MPS control daemon (pid " + pid + ") survived quit and kill");
        }
    }

    /**
     * Starts the daemon again after it exited on its own (crashed, killed), with the same directories and defaults.
     *
     * @throws MpsException as {@link #start()} does, or when the controller was closed with its node
     */
    public synchronized void restart() {
        if (closed) {
            throw failure("the controller was closed with its node; the daemon is not started again");
        }
        started = false;
        daemonPid = -1;
        start();
    }

    /** Whether the node closed this controller: its daemon was stopped on purpose and stays stopped. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the daemon for good: a later {@link #restart()} refuses. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (MpsException e) {
            LOG.warn("stopping the MPS control daemon after a failed start failed too: {}", e.getMessage());
        }
    }

    /** A daemon on this pipe directory that this controller did not start: an earlier worker's. */
    private void quitLeftover() {
        OptionalLong pid = readPid();
        if (pid.isEmpty() || !alive(pid.getAsLong())) {
            return;
        }
        LOG.info("an MPS control daemon (pid {}) already runs on {}; asking it to quit before starting this node's",
            pid.getAsLong(), settings.pipeDirectory());
        started = true;
        daemonPid = pid.getAsLong();
        stop();
    }

    /** The log tail: the last lines of {@code control.log}, or a note that there is none. */
    public String logTail() {
        Path log = settings.logDirectory().resolve("control.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "control.log in " + settings.logDirectory() + " is empty";
            }
            return "control.log ends with:\n  "
                + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "no control.log in " + settings.logDirectory();
        }
    }

    private ControlCommand.Result run(List<String> args, String stdinLine, Duration timeout) {
        try {
            return control.run(args, stdinLine, timeout);
        } catch (ControlCommand.TimedOut e) {
            throw failure(e.getMessage() + ": the MPS control daemon is not answering");
        }
    }

    private MpsException failure(String what) {
        return new MpsException("MPS control daemon (" + control.binary() + ", pipe directory "
            + settings.pipeDirectory() + "): " + what + "; " + logTail());
    }

    private OptionalLong readPid() {
        try {
            return OptionalLong.of(Long.parseLong(
                Files.readString(settings.pipeDirectory().resolve(PID_FILE), StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Polls: {@code onExit()} of a process that is not this JVM's child notices an exit only after seconds, and not
     * before the zombie is reaped.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Processes.running(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpsException("interrupted while waiting for the MPS control daemon", e);
        }
    }
}
