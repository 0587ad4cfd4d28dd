package io.prism.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.prism.runtime.PrismConfigLoader;

import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings an executor process runs with: its worker's (handed over in a file), under a Pekko system with
 * remoting but no cluster, trimmed of what an executor does not use and would pay for at every start.
 */
final class ExecutorConfig {
    /** Packages of the serializers of modules on the class path that an executor does not run. */
    private static final List<String> UNUSED_SERIALIZERS = List.of("org.apache.pekko.cluster.",
        "org.apache.pekko.persistence.", "org.apache.pekko.stream.serialization.");

    private ExecutorConfig() {
    }

    static Config load(File fromWorker) {
        return withoutUnusedSerializers(PrismConfigLoader.load(Map.of(
            "pekko.actor.provider", "remote",
            "pekko.remote.warn-about-direct-use", "off",
            "pekko.remote.artery.canonical.port", 0,
            "pekko.coordinated-shutdown.exit-jvm", "off",
            // Pekko's remoting flight-recorder events cost a start 0.7-0.9 s of CPU (their classes are defined at run
            // time and cannot be archived), and nobody records an executor's remoting
            "pekko.java-flight-recorder.enabled", false), ConfigFactory.parseFile(fromWorker), false));
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
}
