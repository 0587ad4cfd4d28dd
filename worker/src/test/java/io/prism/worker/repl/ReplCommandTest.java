package io.prism.worker.repl;

import io.prism.worker.PrismCli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code prism repl} in its own JVM, with a script on stdin instead of a person at the keyboard. */
class ReplCommandTest {

    @Test
    void aClassTypedIntoJshellWorksAsAnActorOfTheEmbeddedPrism() throws Exception {
        String script = String.join("\n",
            "public class Tally { private int n; public int add(int k) { n += k; return n; } }",
            "ActorHandle<Tally> tally = prism.actor(Tally::new).create();",
            "tally.call(Tally::add, 2).join();",
            "System.out.println(\"tally=\" + tally.call(Tally::add, 40).join());",
            "/exit 7",
            "");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            PrismCli.class.getName(), "repl").redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(script.getBytes(StandardCharsets.UTF_8));
        }

        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(exited).as("the REPL ended within 2 minutes; output:%n%s", out).isTrue();
        assertThat(out).contains("prism: an embedded Prism", "tally=42").doesNotContain("Exception");
        assertThat(process.exitValue()).as("jshell's exit code, passed on; output:%n%s", out).isEqualTo(7);
    }

    @Test
    void theStartupScriptImportsTheApiAndBindsPrism() {
        assertThat(ReplStartup.script(null)).contains("import io.prism.*;", "import io.prism.examples.fraud.*;",
            "Prism prism = Prism.start();");
        assertThat(ReplStartup.script("10.0.0.5:2552")).contains("Prism prism = Prism.connect(\"10.0.0.5:2552\");",
            "a client of the cluster at 10.0.0.5:2552");
    }

    @Test
    void jshellIsTheOneBesideThisJvmsJava() {
        Path jshell = ReplCommand.jshell();

        assertThat(jshell.getFileName().toString()).startsWith("jshell");
        assertThat(Files.isExecutable(jshell)).isTrue();
        assertThat(List.of(jshell.getParent().toFile().list())).contains("java");
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
