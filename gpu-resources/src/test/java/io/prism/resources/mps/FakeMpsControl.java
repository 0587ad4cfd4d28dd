package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake {@code nvidia-cuda-mps-control} (a bash script in the test resources), copied for each test into a
 * directory of its own, so that every process it starts can be found by its path. After each test, asserts that none
 * is left running, then deletes the directory.
 */
final class FakeMpsControl implements BeforeEachCallback, AfterEachCallback {
    static final Duration QUICK = Duration.ofMillis(300);
    static final Duration AMPLE = Duration.ofSeconds(5);

    /** The test's directory: the script in {@code bin/}, the node's work directory {@code node/}. */
    Path dir;
    Path binary;
    Path workDir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("fake-mps");
        try (InputStream script = FakeMpsControl.class.getResourceAsStream("fake-nvidia-cuda-mps-control")) {
            assertThat(script).as("fake-nvidia-cuda-mps-control in the test resources").isNotNull();
            binary = Files.createDirectories(dir.resolve("bin")).resolve(MpsSettings.BINARY_NAME);
            Files.copy(script, binary, StandardCopyOption.REPLACE_EXISTING);
        }
        // Resources lose the executable bit when they are copied to target/test-classes.
        assertThat(binary.toFile().setExecutable(true)).isTrue();
        workDir = dir.resolve("node");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<String> left = running();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        assertThat(left).as("processes of the fake MPS control left running").isEmpty();
    }

    /** Settings for the script in {@code mode} (ok, fail-start, hang), with {@code more} in its environment. */
    MpsSettings settings(String mode, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("FAKE_MPS_MODE", mode);
        Duration timeout = mode.equals("hang") ? QUICK : AMPLE;
        return MpsSettings.defaults(workDir).withBinary(binary).withTimeouts(timeout, AMPLE, timeout)
            .withEnvironment(env);
    }

    MpsSettings settings(String mode) {
        return settings(mode, Map.of());
    }

    /**
     * Changes what the running daemon answers from now on: {@code name} is mode, servers, clients-PID or status-PID
     * (see the script), {@code value} what the environment would have said, e.g. {@code report(s, "status-4242",
     * "FAULT")}. Written whole, then moved into place, so the script never reads half of it.
     */
    void report(MpsSettings settings, String name, String value) {
        try {
            Path file = settings.pipeDirectory().resolve("fake-" + name);
            Path next = Files.writeString(settings.pipeDirectory().resolve("next-fake-" + name), value);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every invocation ("argv: -d") and stdin line ("stdin: quit") the script saw, in order. */
    List<String> calls(MpsSettings settings) {
        Path record = settings.logDirectory().resolve("calls.log");
        try {
            return Files.exists(record) ? Files.readAllLines(record) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live processes running this copy of the script: the daemon, hung commands. */
    List<String> running() {
        String path = binary.toString();
        return ProcessHandle.allProcesses()
            .filter(p -> Processes.running(p.pid()))
            .filter(p -> p.info().commandLine().map(line -> line.contains(path)).orElse(false))
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .collect(Collectors.toList());
    }
}
