package io.prism.benchmarks.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A JVM on this class path, left idle once it says it is up, whose resident memory is read from {@code /proc}. */
final class IdleProcess implements AutoCloseable {
    private static final long UP_TIMEOUT_SECONDS = 90;

    private final Process process;
    private final Thread hook;

    private IdleProcess(Process process) {
        this.process = process;
        this.hook = new Thread(process::destroyForcibly, "destroy-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code mainClass} and returns once it prints a line starting with {@code up}. */
    static IdleProcess start(List<String> jvmOptions, String mainClass, List<String> args, String up)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        IdleProcess idle = new IdleProcess(process);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith(up)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("its output ended"));
        }, "output-of-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(UP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return idle;
        } catch (ExecutionException | TimeoutException e) {
            idle.close();
            synchronized (lines) {
                throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " did not print '" + up
                    + "' within " + UP_TIMEOUT_SECONDS + " s (" + e.getMessage() + "); its last lines: "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())), e);
            }
        }
    }

    /** VmRSS from {@code /proc/<pid>/status}, in bytes. */
    long residentBytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            throw new IllegalStateException("no " + status + ": the resident size is read from Linux's /proc, and "
                + "this is " + System.getProperty("os.name") + " (or the process has ended)");
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.split("\\s+");
                return Long.parseLong(f[1]) * 1024;
            }
        }
        throw new IllegalStateException(status + " has no VmRSS line");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
    }
}
