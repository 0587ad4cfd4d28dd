package io.prism.runtime.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A class-data sharing archive (AppCDS) of the classes an executor loads to start: Pekko, remoting, Kryo and Prism's
 * own. Mapping them from the archive instead of loading and verifying them from jars about halves an executor's start
 * (measured on a loaded 2-core machine: 3.7–5.6 s to 1.9–2.6 s). The archive is made once per Java, class path and
 * JVM options, from a JVM that rehearses a whole executor life ({@link ExecutorWarmUp#rehearse}) in the background
 * when a node starts, and kept in the temporary directory for the nodes that come after. The JVM accepts archives
 * only for class paths made of jars, so a class path with directories (tests, an IDE) runs without one.
 */
final class ExecutorClassArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorClassArchive.class);

    private final Path archive;
    private final boolean usable;

    private ExecutorClassArchive(Path archive, boolean usable) {
        this.archive = archive;
        this.usable = usable;
    }

    static ExecutorClassArchive forClassPath(String classPath, List<String> javaOptions) {
        boolean jarsOnly = !classPath.isEmpty();
        // the JVM refuses an archive made from other jars than it runs, so a rebuilt jar needs an archive of its own
        StringBuilder jars = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            File jar = new File(entry);
            jarsOnly &= jar.isFile() && entry.endsWith(".jar");
            jars.append(jar.getAbsolutePath()).append(' ').append(jar.length()).append(' ').append(jar.lastModified())
                .append('\n');
        }
        String key = System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n'
            + jars + String.join(" ", javaOptions);
        return new ExecutorClassArchive(Path.of(System.getProperty("java.io.tmpdir"),
            "prism-executor-" + digest(key) + ".jsa"), jarsOnly);
    }

    /** The JVM options that map the archive, once it exists. */
    List<String> options() {
        return usable && Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /**
     * Makes the archive in the background if it is missing: {@code rehearsal} is an executor command line (Java,
     * options, class path, main class and its rehearsal arguments) to which the dump option is added. The archive is
     * written under a name of its own and moved into place whole, so no executor maps half an archive.
     *
     * @return done once the archive exists or will not be made
     */
    CompletableFuture<Void> createIfMissing(List<String> rehearsal, Path log) {
        if (!usable || Files.exists(archive)) {
            return CompletableFuture.completedFuture(null);
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> command = new ArrayList<>(rehearsal);
        command.add(1, "-XX:ArchiveClassesAtExit=" + partial);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start().onExit().thenAccept(p -> {
                    try {
                        if (p.exitValue() == 0 && Files.isRegularFile(partial)) {
                            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                        } else {
                            Files.deleteIfExists(partial);
                        }
                    } catch (IOException e) {
                        LOG.warn("executor class archive {} not kept: {}", archive, e.toString());
                    }
                });
        } catch (IOException e) {
            LOG.warn("executors start without a class archive: {}", e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
