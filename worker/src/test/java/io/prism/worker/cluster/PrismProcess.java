package io.prism.worker.cluster;

import io.prism.worker.PrismCli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code prism} command in its own JVM, started from the test class path. Its stdout and stderr are read on
 * background threads into a buffer that failure messages quote; {@link #started} completes when stdout shows the
 * line a head or worker prints once it is up. Every process still running when the test JVM exits is killed.
 */
final class PrismProcess {
    /** Small, quick JVMs: the test run has two cores for the driver and every node. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern HEAD_UP = Pattern.compile("^Prism head up at (\\S+):(\\d+)");
    private static final Pattern WORKER_UP = Pattern.compile("^Prism worker (\\S+) joined \\S+ at (\\S+):(\\d+)");
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
            "kill-prism-processes"));
    }

    private final String name;
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Matcher> started = new CompletableFuture<>();
    private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
    private final Pattern upLine;

    private PrismProcess(String name, List<String> command, Pattern upLine) {
        this.name = name;
        this.upLine = upLine;
        try {
            this.process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        read(process.getInputStream(), true);
        read(process.getErrorStream(), false);
    }

    /** {@code prism head --port 0 args...}, starting: {@link #awaitUp} it. */
    static PrismProcess head(String... args) {
        return startNode("head", HEAD_UP, concat(List.of("head", "--port", "0"), args));
    }

    /** {@code prism worker --join join --port 0 args...}, starting: {@link #awaitUp} it. */
    static PrismProcess worker(String join, String... args) {
        return startNode("worker", WORKER_UP, concat(List.of("worker", "--join", join, "--port", "0"), args));
    }

    /** Any {@code prism} command, not awaited: {@link #awaitExit} it. */
    static PrismProcess command(List<String> jvmOptions, String... args) {
        return new PrismProcess(args[0], javaCommand(jvmOptions, List.of(args)), null);
    }

    private static PrismProcess startNode(String name, Pattern upLine, List<String> args) {
        return new PrismProcess(name, javaCommand(TestCluster.jvmSettings(), args), upLine);
    }

    private static List<String> javaCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(PrismCli.class.getName());
        command.addAll(args);
        return command;
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    private void read(InputStream in, boolean isStdout) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (isStdout) {
                        stdout.add(line);
                        if (upLine != null && !started.isDone()) {
                            Matcher m = upLine.matcher(line);
                            if (m.find()) {
                                started.complete(m);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                output.add("(reading " + name + "'s output failed: " + e + ")");
            } finally {
                if (isStdout) {
                    stdoutDone.complete(null);
                    started.completeExceptionally(new IllegalStateException(name + " closed its output before "
                        + "it was up"));
                }
            }
        }, name + "-" + (isStdout ? "stdout" : "stderr"));
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the node printed that it is up; kills it and fails with its output if it is not in time. */
    PrismProcess awaitUp() {
        try {
            started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while " + name + " started");
        } catch (ExecutionException | TimeoutException e) {
            kill();
            throw new IllegalStateException(name + " was not up within " + START_TIMEOUT.toSeconds() + " s ("
                + (e instanceof TimeoutException ? "timed out" : e.getCause().getMessage()) + "); its output:\n"
                + tail(40));
        }
        return this;
    }

    /** {@code host:port} where this head or worker listens. */
    String address() {
        Matcher m = started.join();
        return m.group(m.groupCount() - 1) + ":" + m.group(m.groupCount());
    }

    int port() {
        return Integer.parseInt(started.join().group(started.join().groupCount()));
    }

    /** The node id the worker printed; a head's id is {@code head-<port>}. */
    String nodeId() {
        return upLine == WORKER_UP ? started.join().group(1) : "head-" + port();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the node vanishes without a word to the cluster. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as Ctrl-C: the JVM's shutdown hook leaves the cluster gracefully. The exit code, or -1 if still up. */
    int stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** The exit code, or -1 when the process is still running after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
            // the readers finish once the pipe is drained, so callers see all of the output
            stdoutDone.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return process.exitValue();
        }
    }

    /** Everything the process wrote to stdout so far. */
    String stdout() {
        synchronized (stdout) {
            return String.join("\n", stdout);
        }
    }

    /** The last {@code n} lines of stdout and stderr together, for assertion messages. */
    String tail(int n) {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - n), output.size()));
        }
    }

    @Override
    public String toString() {
        return name + (started.isDone() && !started.isCompletedExceptionally() ? " at " + address() : "")
            + " (pid " + process.pid() + ")";
    }
}
