package io.prism.worker.repl;

import io.prism.exception.PrismException;
import io.prism.worker.PrismCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code prism repl}: runs the JDK's jshell with Prism's class path and a startup script that binds {@code prism}.
 * Snippets run in jshell's own JVM ({@code --execution local}), the one the startup script starts Prism in, so
 * classes typed into jshell are visible to the embedded Prism's actor hosts; with jshell's default execution they
 * would live in a separate agent JVM.
 */
@Command(name = "repl",
    description = {
        "Starts jshell with Prism on the class path, the API imported and `prism` bound:",
        "an embedded Prism, or a client of the cluster at --address."})
public final class ReplCommand implements Callable<Integer> {

    @Option(names = "--address", paramLabel = "HOST:PORT",
        description = "Connect to the cluster at this address instead of starting an embedded Prism.")
    private String address;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jshell = jshell();
        Path startup = Files.createTempFile("prism-repl-", ".jsh");
        try {
            Files.writeString(startup, ReplStartup.script(address), StandardCharsets.UTF_8);
            String classPath = classPath();
            List<String> command = new ArrayList<>(List.of(jshell.toString(), "--execution", "local",
                // local execution loads snippets' dependencies from jshell's own JVM, not from --class-path, and
                // that JVM's root module (jdk.jshell) leaves out jdk.unsupported, whose sun.misc.Unsafe Pekko needs
                "-J-cp", "-J" + classPath, "-J--add-modules=ALL-DEFAULT"));
            // -D settings given to bin/prism (PRISM_JAVA_OPTS) reach the Prism that jshell starts
            System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("prism.") || key.startsWith("pekko."))
                .sorted()
                .forEach(key -> command.add("-J-D" + key + "=" + System.getProperty(key)));
            command.addAll(List.of("--class-path", classPath, "--startup", "DEFAULT", "--startup", startup.toString()));
            Process process = new ProcessBuilder(command).inheritIO().start();
            // only once jshell runs: an ignored signal would be inherited, and jshell needs Ctrl-C for its snippets
            ignoreCtrlC();
            return process.waitFor();
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /**
     * Ctrl-C in the terminal reaches both jshell, which stops the running snippet, and this JVM, which would exit and
     * leave jshell orphaned. {@code sun.misc.Signal} is looked up reflectively: without it Ctrl-C ends both.
     */
    private static void ignoreCtrlC() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object ignore = handler.getField("SIG_IGN").get(null);
            signal.getMethod("handle", signal, handler)
                .invoke(null, signal.getConstructor(String.class).newInstance("INT"), ignore);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no sun.misc.Signal on this JVM: Ctrl-C then ends the REPL as a whole, which is still safe
        }
    }

    /** jshell from the JDK this JVM runs on, so that the REPL and Prism agree on the Java version. */
    static Path jshell() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
        String name = java.getFileName().toString().endsWith(".exe") ? "jshell.exe" : "jshell";
        Path jshell = java.resolveSibling(name);
        if (!Files.isExecutable(jshell)) {
            throw new PrismException("prism repl needs jshell, which comes with a JDK, but " + java + " has no "
                + jshell.getFileName() + " beside it (a JRE?): run bin/prism with a JDK 17 or newer (set JAVA_HOME)");
        }
        return jshell;
    }

    /**
     * The class path this JVM runs with: the shaded jar under {@code bin/prism} ({@code java -jar}), the module's
     * classes and dependencies in a build tree. Where a launcher hides it, the location Prism's classes came from.
     */
    static String classPath() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isBlank()) {
            return classPath;
        }
        CodeSource source = PrismCli.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                return Path.of(source.getLocation().toURI()).toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file URI: no class path that jshell could use, reported below
        }
        throw new PrismException("prism repl cannot find Prism's classes: this JVM has no class path and "
            + PrismCli.class.getName() + " was not loaded from a file; run it as bin/prism repl");
    }
}
