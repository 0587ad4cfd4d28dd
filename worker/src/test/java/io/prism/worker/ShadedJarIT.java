package io.prism.worker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded jar as {@code bin/prism} does, in its own JVM. The in-process tests cannot see what only the jar
 * gets wrong: merged {@code reference.conf} files, service registrations, the manifest's main class.
 */
class ShadedJarIT {

    @Test
    void theShadedJarRunsTheDemo() throws Exception {
        Path jar = Path.of(System.getProperty("prism.shadedJar", "target/prism-worker-0.1.0-SNAPSHOT-all.jar"));
        assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(),
            "demo", "--calls", "500", "--warmup", "100").redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("the demo ended within 2 minutes").isTrue();
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as("exit code; output:%n%s", out).isZero();
        assertThat(out).contains("4 actors on 1 of 2 GPUs: 1 GPU instead of 4 (75% fewer)");
    }

    @Test
    void theReplPutsTheShadedJarOnJshellsClassPath() throws Exception {
        Path jar = Path.of(System.getProperty("prism.shadedJar", "target/prism-worker-0.1.0-SNAPSHOT-all.jar"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "repl")
            .redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (var stdin = process.getOutputStream()) {
            stdin.write(("var scorer = prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL).create();\n"
                + "System.out.println(\"score=\" + scorer.call(FraudScorer::score, new TransactionGenerator(1).next()).join());\n"
                + "/exit\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }

        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(exited).as("the REPL ended within 2 minutes; output:%n%s", out).isTrue();
        assertThat(out).containsPattern("score=0\\.\\d+").doesNotContain("Exception");
        assertThat(process.exitValue()).isZero();
    }

    private static String readAll(InputStream in) {
        try (in; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
