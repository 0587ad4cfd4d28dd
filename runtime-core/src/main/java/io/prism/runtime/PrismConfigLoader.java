package io.prism.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.Map;

/**
 * Builds the configuration a Prism node runs with. From strongest to weakest: explicit overrides (PrismConfig, CLI
 * flags), {@code -D} system properties, {@code application.conf}, the embedded layer (embedded Prism only),
 * {@code prism-pekko.conf}, then every {@code reference.conf}. Prism's Pekko settings live in their own resource so
 * they win over Pekko's defaults even in a shaded jar, whose appended reference.conf has no reliable order.
 */
public final class PrismConfigLoader {
    private PrismConfigLoader() {
    }

    public static Config load(Map<String, ?> overrides, boolean embedded) {
        return load(overrides, ConfigFactory.empty(), embedded);
    }

    /**
     * @param inherited settings taken over whole from another process (an executor gets its worker's), weaker than
     *                  {@code overrides}, stronger than everything else
     */
    public static Config load(Map<String, ?> overrides, Config inherited, boolean embedded) {
        ConfigFactory.invalidateCaches();
        Config reference = ConfigFactory.defaultReference();
        Config config = ConfigFactory.parseMap(overrides)
            .withFallback(inherited)
            .withFallback(ConfigFactory.defaultOverrides())
            .withFallback(ConfigFactory.defaultApplication());
        if (embedded) {
            config = config.withFallback(reference.getConfig("prism.embedded"));
        }
        return config
            .withFallback(ConfigFactory.parseResources(PrismConfigLoader.class.getClassLoader(), "prism-pekko.conf"))
            .withFallback(reference)
            .resolve();
    }
}
