package io.prism.benchmarks.roundtrip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM on this class path, started for {@link ClusterComparison}: it is ready once it prints a line that
 * starts with the expected word, and it is destroyed on {@link #close()} or, should the driver end otherwise, by a
 * shutdown hook.
 */
final class ChildJvm implements AutoCloseable {
    private static final long READY_TIMEOUT_SECONDS = 90;
    private static final int LINES_KEPT = 20;
    /** Extra JVM options for every child, separated by spaces: e.g. a flight recording of each, for profiling. */
    static final String EXTRA_OPTIONS = "prism.bench.child-jvm-options";

    private final String name;
    private final Process process;
    private final String readyLine;
    private final Thread hook;
    /** Every line printed up to the ready line. */
    private final List<String> linesUntilReady;

    private ChildJvm(String name, Process process, String readyLine, Thread hook, List<String> linesUntilReady) {
        this.name = name;
        this.process = process;
        this.readyLine = readyLine;
        this.hook = hook;
        this.linesUntilReady = linesUntilReady;
    }

    /** Starts {@code mainClass} with {@code jvmOptions} and {@code args}, and waits for its line {@code ready...}. */
    static ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> args, String ready)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        String extra = System.getProperty(EXTRA_OPTIONS, "").replace("{name}", name).trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread hook = new Thread(process::destroyForcibly, "destroy-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        List<String> untilReady = new ArrayList<>();
        Thread reader = new Thread(() -> read(process, ready, readyLine, lastLines, untilReady), name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = readyLine.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            synchronized (untilReady) {
                return new ChildJvm(name, process, line, hook, List.copyOf(untilReady));
            }
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            synchronized (lastLines) {
                throw new IllegalStateException(name + " (" + String.join(" ", command.subList(command.size()
                    - args.size() - 1, command.size())) + ") printed no line starting with '" + ready + "' within "
                    + READY_TIMEOUT_SECONDS + " s; its last lines:\n  " + String.join("\n  ", lastLines), e);
            }
        }
    }

    private static void read(Process process, String ready, CompletableFuture<String> readyLine,
                             Deque<String> lastLines, List<String> untilReady) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!readyLine.isDone()) {
                    synchronized (untilReady) {
                        untilReady.add(line);
                    }
                }
                if (line.startsWith(ready)) {
                    readyLine.complete(line);
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > LINES_KEPT) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone; its exit is reported below
        }
        // a no-op once ready: the output also ends when close() destroys the child
        readyLine.completeExceptionally(new IllegalStateException("its output ended before it was ready"));
    }

    /** CPU time the child has used so far, in nanoseconds (0 where the platform does not tell). */
    long cpuNanos() {
        return ClusterComparison.cpuNanos(process.toHandle());
    }

    String readyLine() {
        return readyLine;
    }

    /** The first line that starts with {@code prefix} among those printed up to the ready line. */
    String lineBeforeReady(String prefix) {
        return linesUntilReady.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
            () -> new IllegalStateException(name + " printed no line starting with '" + prefix + "' before it was "
                + "ready; its lines:\n  " + String.join("\n  ", linesUntilReady)));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
