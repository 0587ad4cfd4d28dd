package io.prism.benchmarks.all;

import io.prism.benchmarks.BenchReport;
import io.prism.benchmarks.BenchReport.Row;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs parts one after another, each in a JVM of its own on this class path, so that one's threads, heap and JIT
 * do not disturb the next. A part's output goes to its log in {@code workDir}; it reports its figures through
 * {@link BenchReport} into a file of its own there. A part that fails, hangs or reports nothing gets a row with
 * what went wrong, and the next part runs all the same.
 */
final class PartRunner {
    /** The line of a stack trace that says what was thrown, with or without Java's "Exception in thread" prefix. */
    private static final Pattern THROWN = Pattern.compile(
        "^(?:Exception in thread \"[^\"]*\" )?(?:[a-z][\\w$]*\\.)*([A-Z][\\w$]*(?:Exception|Error)(?::.*)?)$");
    private static final int DESTROY_GRACE_SECONDS = 10;

    private final List<String> jvmOptions;
    private final Duration timeout;
    private final Path workDir;
    private final PrintStream progress;

    PartRunner(List<String> jvmOptions, Duration timeout, Path workDir, PrintStream progress) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeout = timeout;
        this.workDir = workDir;
        this.progress = progress;
    }

    /** Every part's rows in order, with a failure row for each part that did not finish well. */
    List<Row> run(List<Part> parts) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            progress.printf(Locale.ROOT, "[%d/%d] %s ... ", i + 1, parts.size(), part.title());
            progress.flush();
            long start = System.nanoTime();
            List<Row> partRows = run(part);
            long failed = partRows.stream().filter(Row::failed).count();
            progress.printf(Locale.ROOT, "%s in %.0f s, %d figures%n", failed > 0 ? "FAILED" : "done",
                (System.nanoTime() - start) / 1e9, partRows.size() - failed);
            rows.addAll(partRows);
        }
        return rows;
    }

    Path log(Part part) {
        return workDir.resolve(part.fileName() + ".log");
    }

    private List<Row> run(Part part) throws InterruptedException {
        Path report = workDir.resolve(part.fileName() + ".tsv");
        Path log = log(part);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-D" + BenchReport.FILE_PROPERTY + "=" + report);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(part.mainClass());
        command.addAll(part.args());
        Process process;
        try {
            Files.deleteIfExists(report);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return List.of(Row.failed(part.section(), part.title(), "could not start its JVM: " + e.getMessage()));
        }
        Thread hook = new Thread(() -> destroy(process), "destroy-" + part.fileName());
        Runtime.getRuntime().addShutdownHook(hook);
        String error = null;
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                destroy(process);
                error = "still running after " + timeout.toSeconds() + " s, stopped";
            } else if (process.exitValue() != 0) {
                error = thrown(log).orElse("its JVM exited with " + process.exitValue());
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        List<Row> rows = new ArrayList<>();
        try {
            rows.addAll(BenchReport.read(report));
        } catch (IOException | IllegalArgumentException e) {
            error = error == null ? "its report " + report + " is unreadable: " + e.getMessage() : error;
        }
        if (error == null && rows.isEmpty()) {
            error = "finished but reported no figures";
        }
        if (error != null) {
            rows.add(Row.failed(part.section(), part.title(), error));
        }
        return rows;
    }

    /** Ends the part and the JVMs it started (a cluster's head), politely first so their shutdown hooks run. */
    private static void destroy(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(DESTROY_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * What ended a part, from its log: the line {@link PartMain} prints when the part throws, else the exception
     * that ended the JVM's main thread, else the log's last line (the JVM's own word, such as a missing class).
     */
    static Optional<String> thrown(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String last = null;
            for (String line : lines) {
                if (line.startsWith(PartMain.FAILED)) {
                    return Optional.of(line.substring(PartMain.FAILED.length()));
                }
                last = line.isBlank() ? last : line.strip();
            }
            for (String line : lines) {
                Matcher m = THROWN.matcher(line.strip());
                if (line.startsWith("Exception in thread \"main\"") && m.matches()) {
                    return Optional.of(m.group(1));
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.of("its log " + log + " is unreadable: " + e.getMessage());
        }
    }
}
