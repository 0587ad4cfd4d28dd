package io.prism.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.apache.pekko.actor.BootstrapSetup;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings an executor process runs with: its worker's, under a Pekko system with remoting but no cluster, trimmed
 * of what an executor does not use and would pay for at every start.
 *
 * <p>The worker, whose JVM is warm, works them out whole ({@link #forExecutors}) and writes them to a file of about
 * 33 KB, which is all an executor parses: the 240 KB of {@code reference.conf} files on the class path took a cold
 * executor JVM about 0.2 s, and Pekko, which reads its reference through the system's class loader whatever settings
 * it is given, finds none ({@link Loaded#classLoader}).
 */
final class ExecutorConfig {
    /** Packages of the serializers of modules on the class path that an executor does not run. */
    private static final List<String> UNUSED_SERIALIZERS = List.of("org.apache.pekko.cluster.",
        "org.apache.pekko.persistence.", "org.apache.pekko.stream.serialization.");

    /** Settings of modules an executor does not run: nothing reads them there. */
    private static final List<String> UNUSED_SETTINGS = List.of("pekko.cluster", "pekko.persistence");

    /** Whatever its worker runs with, an executor runs with these. */
    private static final Map<String, Object> EXECUTOR = Map.of(
        "pekko.actor.provider", "remote",
        "pekko.remote.warn-about-direct-use", "off",
        "pekko.remote.artery.canonical.port", 0,
        // a port the worker binds to behind NAT is the worker's: an executor binds its own, as it advertises
        "pekko.remote.artery.bind.port", "",
        "pekko.coordinated-shutdown.exit-jvm", "off",
        // an embedded Prism's worker turns this off; an executor's system ends with its actor, and so does the process
        "pekko.coordinated-shutdown.run-by-actor-system-terminate", "on",
        // Pekko's remoting flight-recorder events cost a start 0.7-0.9 s of CPU (their classes are defined at run
        // time and cannot be archived), and nobody records an executor's remoting
        "pekko.java-flight-recorder.enabled", false);

    private ExecutorConfig() {
    }

    /**
     * What an executor runs with: its settings, whole, and the class loader to start its actor system with, under
     * which Pekko finds no {@code reference.conf} to parse again. Call {@link #systemStarted} once the system is
     * made: the system's threads run actor code with that loader as their context class loader, and actor code (or
     * a library it uses) that calls {@code ConfigFactory.load()} must find every {@code reference.conf} again.
     */
    record Loaded(Config config, ClassLoader classLoader) {
        /** How to make an actor system of these settings. */
        BootstrapSetup bootstrap() {
            return BootstrapSetup.create(config).withClassloader(classLoader);
        }

        /** These settings with {@code stronger} ones over them, under the same class loader. */
        Loaded under(Config stronger) {
            return new Loaded(stronger.withFallback(config), classLoader);
        }

        void systemStarted() {
            if (classLoader instanceof StartClassLoader start) {
                start.hiding = false;
                // Typesafe Config keeps the empty reference it read through this loader
                ConfigFactory.invalidateCaches();
            }
        }
    }

    /**
     * The whole settings of a worker's executors, worked out in the worker: its settings under {@link #EXECUTOR},
     * with the serializers and settings of modules an executor does not run left out. Only the top-level keys that
     * the class path's {@code reference.conf} and {@code application.conf} define are written: not the rest of the
     * JVM's system properties ({@code java.*}, {@code user.*}), which {@link ConfigFactory} lays over every
     * configuration. They are resolved here, so a substitution in {@code application.conf} takes the worker's
     * value, not one from the executor's own environment or {@code -D} options.
     */
    static String forExecutors(Config worker) {
        Config config = withoutUnusedSerializers(ConfigFactory.parseMap(EXECUTOR).withFallback(worker).resolve());
        for (String unused : UNUSED_SETTINGS) {
            config = config.withoutPath(unused);
        }
        ClassLoader classPath = ExecutorConfig.class.getClassLoader();
        Set<String> keys = new HashSet<>(ConfigFactory.defaultReferenceUnresolved(classPath).root().keySet());
        keys.addAll(ConfigFactory.defaultApplication(classPath).root().keySet());
        Config kept = ConfigFactory.empty();
        for (String key : keys) {
            String path = ConfigUtil.joinPath(key);
            if (config.hasPath(path)) {
                kept = kept.withFallback(config.withOnlyPath(path));
            }
        }
        return kept.root().render(ConfigRenderOptions.concise());
    }

    /**
     * Reads the settings its worker wrote ({@link #forExecutors}). What the executor's JVM is given itself (its
     * {@code -D} options from {@code prism.executor.java-options}, {@code CONFIG_FORCE_} variables where enabled)
     * wins over them, and {@link #EXECUTOR} over everything. An application file named by {@code -Dconfig.file},
     * {@code config.resource} or {@code config.url} lies between the two; the class path's own
     * {@code application.conf} is already in the worker's settings.
     */
    static Loaded load(File fromWorker) {
        ClassLoader classPath = ExecutorConfig.class.getClassLoader();
        return load(fromWorker, ConfigFactory.defaultOverrides(classPath),
            ConfigFactory.parseApplicationReplacement(classPath).orElse(ConfigFactory.empty()));
    }

    static Loaded load(File fromWorker, Config overrides, Config application) {
        Config config = ConfigFactory.parseMap(EXECUTOR)
            .withFallback(overrides)
            .withFallback(application)
            .withFallback(ConfigFactory.parseFile(fromWorker, ConfigParseOptions.defaults().setAllowMissing(false)))
            .resolve();
        return new Loaded(config, new StartClassLoader(ExecutorConfig.class.getClassLoader()));
    }

    /**
     * Pekko makes every configured serializer when it starts, and the cluster's, sharding's, distributed data's and
     * persistence's build large tables of lambdas and load every class bound to them (about 0.12 s of the system's
     * start on 2 cores). An executor is no cluster member and sends only Prism's messages and remoting's own, so
     * {@link AbsentSerializer}s, which cost nothing to make, stand in for those (under their identifiers), and
     * their bindings are dropped.
     */
    static Config withoutUnusedSerializers(Config config) {
        Map<String, Object> replaced = new HashMap<>();
        Set<String> unused = new HashSet<>();
        for (Map.Entry<String, ConfigValue> s : config.getConfig("pekko.actor.serializers").root().entrySet()) {
            String serializer = String.valueOf(s.getValue().unwrapped());
            String idPath = ConfigUtil.joinPath("pekko", "actor", "serialization-identifiers", serializer);
            if (UNUSED_SERIALIZERS.stream().anyMatch(serializer::startsWith) && config.hasPath(idPath)) {
                unused.add(s.getKey());
                replaced.put(ConfigUtil.joinPath("pekko", "actor", "serializers", s.getKey()),
                    AbsentSerializer.class.getName());
                replaced.put(AbsentSerializer.IDENTIFIERS + "." + ConfigUtil.joinPath(s.getKey()),
                    config.getInt(idPath));
            }
        }
        for (Map.Entry<String, ConfigValue> b : config.getConfig("pekko.actor.serialization-bindings").root()
            .entrySet()) {
            if (unused.contains(String.valueOf(b.getValue().unwrapped()))) {
                replaced.put(ConfigUtil.joinPath("pekko", "actor", "serialization-bindings", b.getKey()), "none");
            }
        }
        return ConfigFactory.parseMap(replaced).withFallback(config);
    }

    /**
     * The class loader an executor's actor system starts with, which defines no class of its own: it hands every
     * request to the application class loader, except that, until the system has started, it finds no
     * {@code reference.conf}, {@code reference.json} or {@code reference.properties}. Pekko lays its reference
     * settings, read through the system's class loader, under the settings it is given, which here are whole already.
     */
    private static final class StartClassLoader extends ClassLoader {
        private static final Set<String> REFERENCE = Set.of("reference.conf", "reference.json", "reference.properties");

        static {
            registerAsParallelCapable();
        }

        private volatile boolean hiding = true;

        StartClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return hiding && REFERENCE.contains(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hiding && REFERENCE.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
