package io.prism.runtime.serialization;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code prism.serialization { ... }} settings.
 *
 * @param allowedPackages packages whose classes (and their sub-packages' classes) may travel as user values
 * @param maxPayload      the largest serialized message, in bytes
 */
public record WireSettings(List<String> allowedPackages, int maxPayload) {
    static final String ALLOWED_PACKAGES = "prism.serialization.allowed-packages";
    static final String MAX_PAYLOAD = "prism.serialization.max-payload";
    private static final long MIN_PAYLOAD = 4 * 1024;
    private static final long MAX_MAX_PAYLOAD = 1L << 30;

    public WireSettings {
        allowedPackages = List.copyOf(allowedPackages.stream().map(WireSettings::normalize).toList());
        if (maxPayload < MIN_PAYLOAD || maxPayload > MAX_MAX_PAYLOAD) {
            throw new IllegalArgumentException(MAX_PAYLOAD + " = " + maxPayload + " bytes: must be 4KiB to 1GiB");
        }
    }

    /**
     * Reads the settings from the merged configuration. {@code allowed-packages} may be a list or one
     * comma-separated string, so {@code -Dprism.serialization.allowed-packages=com.acme,org.shop} works.
     */
    public static WireSettings from(Config root) {
        List<String> packages = new ArrayList<>();
        ConfigValueType type = root.getValue(ALLOWED_PACKAGES).valueType();
        if (type == ConfigValueType.LIST) {
            packages.addAll(root.getStringList(ALLOWED_PACKAGES));
        } else if (type == ConfigValueType.STRING) {
            for (String p : root.getString(ALLOWED_PACKAGES).split(",")) {
                if (!p.isBlank()) {
                    packages.add(p);
                }
            }
        } else {
            throw new ConfigException.WrongType(root.origin(), ALLOWED_PACKAGES, "a list of package names",
                type.name());
        }
        long max = root.getBytes(MAX_PAYLOAD);
        if (max > MAX_MAX_PAYLOAD) {
            throw new IllegalArgumentException(MAX_PAYLOAD + " = " + max + " bytes: must be 4KiB to 1GiB");
        }
        return new WireSettings(packages, (int) max);
    }

    /** "com.acme", also from "com.acme.*" or " com.acme. ". */
    private static String normalize(String entry) {
        String p = entry.strip();
        if (p.endsWith(".*")) {
            p = p.substring(0, p.length() - 2);
        }
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.contains("*") || p.contains("/")) {
            throw new IllegalArgumentException(ALLOWED_PACKAGES + " entry '" + entry + "' is not a package name: use "
                + "a name such as \"com.acme\", which also covers its sub-packages");
        }
        return p;
    }
}
