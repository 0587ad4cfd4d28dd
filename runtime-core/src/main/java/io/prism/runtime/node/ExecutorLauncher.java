package io.prism.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import io.prism.exception.PrismException;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.ResourceShapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts executor processes for a node: the same Java and class path as the worker, {@link ExecutorMain} as the
 * entry point, the MPS settings of the actor's share in the environment, output to a log file per incarnation, and
 * standard input left as a pipe from the worker, which the executor takes as its lifeline.
 */
public final class ExecutorLauncher implements ExecutorProcesses {

    /**
     * Settings of executor processes ({@code prism.executor}).
     *
     * @param sparesPerShape executors kept started and waiting for each (GPU, share) that was used, so the next
     *                       actor of that shape starts without a JVM start
     * @param maxSpares      spare executors kept in all; the least recently used shapes lose theirs first
     * @param prestart       GPU shares that get a spare on every GPU as soon as the node starts, so that even the
     *                       first actor of such a share skips the JVM start
     */
    public record Settings(List<String> javaOptions, Path workDir, Duration startTimeout,
                           Duration stopTimeout, int sparesPerShape, int maxSpares, List<ResourceShape> prestart) {
        public static Settings from(Config prism, String nodeId) {
            Config c = prism.getConfig("executor");
            for (String key : List.of("spares-per-shape", "max-spares")) {
                if (c.getInt(key) < 0) {
                    throw new IllegalArgumentException("prism.executor." + key + " = " + c.getInt(key)
                        + ": must be 0 (no spares) or more");
                }
            }
            String dir = c.getString("work-dir");
            return new Settings(c.getStringList("java-options"), dir.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "prism-" + nodeId + "-" + ProcessHandle.current().pid())
                : Path.of(dir), c.getDuration("start-timeout"), c.getDuration("stop-timeout"),
                c.getInt("spares-per-shape"), c.getInt("max-spares"), prestart(c));
        }

        /**
         * {@code prestart = [0.25, 0.5]}, or one comma-separated string ({@code -Dprism.executor.prestart=0.25,0.5}):
         * each a share of one GPU, as {@code @Gpu} takes it.
         */
        private static List<ResourceShape> prestart(Config executor) {
            List<ResourceShape> shapes = new ArrayList<>();
            for (String share : prestartShares(executor)) {
                if (!oneGpuShare(share)) {
                    throw new IllegalArgumentException("prism.executor.prestart " + share + ": an executor holds a "
                        + "share of one GPU; use fractions 0 < g ≤ 1 such as 0.25,0.5");
                }
                shapes.add(ResourceShapes.gpuShape("prism.executor.prestart " + share, share, null));
            }
            return List.copyOf(shapes);
        }

        /** The shares {@code prestart} lists, as written, not yet checked; empty when it lists none. */
        public static List<String> prestartShares(Config executor) {
            List<String> shares = new ArrayList<>();
            if (executor.getValue("prestart").valueType() == ConfigValueType.LIST) {
                // a number as written (0.0001), not as Java prints it (1.0E-4)
                executor.getList("prestart").forEach(v -> shares.add(v.valueType() == ConfigValueType.NUMBER
                    ? v.render() : String.valueOf(v.unwrapped())));
            } else {
                String text = executor.getString("prestart").trim();
                for (String share : text.replaceAll("^\\[|]$", "").split(",")) {
                    if (!share.isBlank()) {
                        shares.add(share.trim());
                    }
                }
            }
            return shares;
        }

        private static boolean oneGpuShare(String share) {
            try {
                double g = Double.parseDouble(share);
                return g > 0 && g <= 1;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /**
     * System property that tells a JVM it is an executor ({@value #PROCESS_EXECUTOR}), for what runs before its
     * main method, such as the logging set-up.
     */
    public static final String PROCESS_PROPERTY = "prism.process";
    public static final String PROCESS_EXECUTOR = "executor";

    private final Settings settings;
    private final Path configFile;
    private final Path logDir;
    private final ExecutorClassArchive classArchive;
    private final CompletableFuture<Void> classArchiveReady;

    /**
     * @param config the worker's whole configuration, handed to every executor ({@link ExecutorConfig#forExecutors}),
     *               so allow-lists, payload limits, timeouts and remoting settings agree between the two
     */
    public ExecutorLauncher(Settings settings, Config config) {
        this.settings = settings;
        this.logDir = settings.workDir().resolve("executors");
        this.configFile = settings.workDir().resolve("executor.conf");
        try {
            Files.createDirectories(logDir);
            Files.writeString(configFile, ExecutorConfig.forExecutors(config));
        } catch (IOException e) {
            throw new PrismException("cannot write the executor settings to " + configFile
                + ": set prism.executor.work-dir to a writable directory", e);
        }
        classArchive = ExecutorClassArchive.forClassPath(System.getProperty("java.class.path"),
            settings.javaOptions());
        classArchiveReady = classArchive.createIfMissing(command(List.of(ExecutorMain.REHEARSE,
            configFile.toString())), logDir.resolve("class-archive.log"));
    }

    /** Done once executors start with the class archive, or once it is clear they never will (a directory class path). */
    public CompletableFuture<Void> classArchiveReady() {
        return classArchiveReady;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    /** Java, the executor's options and class path, {@link ExecutorMain} and {@code args}. */
    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.javaOptions());
        command.add("-D" + PROCESS_PROPERTY + "=" + PROCESS_EXECUTOR);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExecutorMain.class.getName());
        command.addAll(args);
        return command;
    }

    @Override
    public Path logFile(String launchId) {
        return logDir.resolve("executor-" + launchId + ".log");
    }

    @Override
    public Process launch(String launchId, String agentPath, Map<String, String> environment, boolean spare)
        throws IOException {
        List<String> command = command(spare ? List.of(agentPath, launchId, configFile.toString(), ExecutorMain.SPARE)
            : List.of(agentPath, launchId, configFile.toString()));
        command.addAll(1, classArchive.options());
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(launchId).toFile()));
        // the worker's own MPS or device selection must not leak into an executor that was given other ones
        builder.environment().keySet().removeIf(k -> k.startsWith("CUDA_MPS_") || k.equals("CUDA_VISIBLE_DEVICES"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
