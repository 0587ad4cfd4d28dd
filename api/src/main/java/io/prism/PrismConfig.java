package io.prism;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for an embedded Prism ({@link Prism#start(PrismConfig)}). Anything not set here comes from the
 * runtime's {@code reference.conf} ({@code prism { ... }}), overridable with {@code -D} system properties.
 */
public final class PrismConfig {
    private final String gpus;
    private final Integer cpus;
    private final String nodeName;
    private final Duration placementTimeout;
    private final Duration callTimeout;
    private final Map<String, String> settings;

    private PrismConfig(Builder b) {
        this.gpus = b.gpus;
        this.cpus = b.cpus;
        this.nodeName = b.nodeName;
        this.placementTimeout = b.placementTimeout;
        this.callTimeout = b.callTimeout;
        this.settings = Map.copyOf(b.settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults: GPUs detected, or two simulated 16 GiB GPUs when none are found. */
    public static PrismConfig defaults() {
        return builder().build();
    }

    /** GPU spec: {@code auto}, {@code none} or {@code sim:NxSIZE} (e.g. {@code sim:2x16GiB}); null for the default. */
    public String gpus() {
        return gpus;
    }

    /** CPUs this node offers for scheduling; null for the number of processors. */
    public Integer cpus() {
        return cpus;
    }

    /** This node's name; null for a generated one. */
    public String nodeName() {
        return nodeName;
    }

    /** How long {@code create()} waits for capacity by default; null for the configured default. */
    public Duration placementTimeout() {
        return placementTimeout;
    }

    /** How long a call waits for its reply before it fails; null for the configured default. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Raw configuration overrides, e.g. {@code "pekko.loglevel" -> "DEBUG"}. */
    public Map<String, String> settings() {
        return settings;
    }

    public static final class Builder {
        private String gpus;
        private Integer cpus;
        private String nodeName;
        private Duration placementTimeout;
        private Duration callTimeout;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** {@code auto}, {@code none} or {@code sim:NxSIZE}, e.g. {@code sim:2x16GiB}. */
        public Builder gpus(String spec) {
            this.gpus = Objects.requireNonNull(spec, "spec");
            return this;
        }

        public Builder cpus(int cpus) {
            if (cpus < 1) {
                throw new IllegalArgumentException("cpus(" + cpus + "): a node offers at least 1 CPU");
            }
            this.cpus = cpus;
            return this;
        }

        public Builder nodeName(String name) {
            this.nodeName = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder placementTimeout(Duration timeout) {
            this.placementTimeout = positive("placementTimeout", timeout);
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive("callTimeout", timeout);
            return this;
        }

        /** Sets a raw configuration key (HOCON path) for this instance only. */
        public Builder set(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public PrismConfig build() {
            return new PrismConfig(this);
        }

        private static Duration positive(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + "(" + d + "): must be positive");
            }
            return d;
        }
    }
}
