package io.prism.resources.mps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the control program, as an operator would type it: {@code echo get_server_list |
 * nvidia-cuda-mps-control}, or {@code nvidia-cuda-mps-control -d}.
 *
 * <p>Output goes to a file rather than a pipe: {@code -d} leaves a daemon behind, and a daemon that kept the pipe open
 * would make reading it wait for the daemon's exit. A run that outlives its timeout is killed with everything it
 * started, so a hung daemon leaves no stuck thread or process here.
 */
final class ControlCommand {
    private final Path binary;
    private final Map<String, String> environment;
    private final Path scratch;

    ControlCommand(Path binary, Map<String, String> environment, Path scratch) {
        this.binary = binary;
        this.environment = Map.copyOf(environment);
        this.scratch = scratch;
    }

    /** What a finished run printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The output on one line, for messages. */
        String oneLine() {
            String line = output.strip().replaceAll("\\s*\\R\\s*", " | ");
            return line.isEmpty() ? "no output" : "\"" + line + "\"";
        }
    }

    /** Raised when a run did not finish in time; the run has been killed. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    Path binary() {
        return binary;
    }

    /** Runs the program with {@code args}, feeding {@code stdinLine} (or nothing) to it. */
    Result run(List<String> args, String stdinLine, Duration timeout) throws TimedOut {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        Path output = null;
        try {
            output = Files.createTempFile(scratch, "command", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            feed(process, stdinLine);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new TimedOut(describe(args, stdinLine) + " did not finish within " + seconds(timeout));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MpsException(describe(args, stdinLine) + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpsException(describe(args, stdinLine) + " was interrupted", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover scratch file in the node's own MPS directory is harmless.
                }
            }
        }
    }

    private static void feed(Process process, String stdinLine) {
        try (OutputStream stdin = process.getOutputStream()) {
            if (stdinLine != null) {
                stdin.write((stdinLine + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program exited before reading its command; its exit status and output say why.
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.SECONDS);
    }

    String describe(List<String> args, String stdinLine) {
        String program = binary.getFileName() + (args.isEmpty() ? "" : " " + String.join(" ", args));
        return stdinLine == null ? "'" + program + "'" : "'echo " + stdinLine + " | " + program + "'";
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
