package io.prism.resources.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which GPUs a node offers, as an operator writes it ({@code --gpus}): {@code auto} (ask the CUDA driver),
 * {@code none}, or {@code sim:NxSIZE[,NxSIZE...]} for simulated GPUs, e.g. {@code sim:2x16GiB} or
 * {@code sim:1x80GiB,2x40GiB}. {@link #toString()} gives the spec back in a form {@link #parse} reads.
 */
public sealed interface GpuSpec permits GpuSpec.Auto, GpuSpec.None, GpuSpec.Simulated {

    /** The accepted forms, for error messages. */
    String ACCEPTED = "expected \"auto\", \"none\" or \"sim:NxSIZE\" with N ≥ 1, e.g. \"sim:2x16GiB\" or "
        + "\"sim:1x80GiB,2x40GiB\"";

    /** The fallback the runtime uses when {@code auto} finds no CUDA. */
    GpuSpec DEFAULT_SIMULATED = new Simulated(List.of(new Group(2, 16L << 30)));

    /**
     * Reads a spec.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    static GpuSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("GPU spec is empty: " + ACCEPTED);
        }
        String spec = text.trim();
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return new Auto();
        }
        if (lower.equals("none")) {
            return new None();
        }
        if (lower.startsWith("sim:")) {
            return Simulated.parseGroups(text, spec.substring(4));
        }
        throw new IllegalArgumentException("GPU spec \"" + text + "\" is not understood: " + ACCEPTED);
    }

    /** Ask the CUDA driver which GPUs the node has. */
    record Auto() implements GpuSpec {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** The node offers no GPU. */
    record None() implements GpuSpec {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** {@code count} simulated GPUs of {@code memory} bytes each. */
    record Group(int count, long memory) {
        public Group {
            if (count < 1) {
                throw new IllegalArgumentException("simulated GPU count " + count + " must be ≥ 1");
            }
            if (memory <= 0) {
                throw new IllegalArgumentException("simulated GPU memory " + memory + " must be > 0 bytes");
            }
        }

        @Override
        public String toString() {
            return count + "x" + MemorySize.exact(memory);
        }
    }

    /** Simulated GPUs, group after group; their indices run 0..n-1 in the order written. */
    record Simulated(List<Group> groups) implements GpuSpec {
        private static final Pattern GROUP = Pattern.compile("(\\d+)\\s*[xX]\\s*(\\S.*)");

        public Simulated {
            groups = List.copyOf(groups);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("a simulated GPU spec needs at least one group: " + ACCEPTED);
            }
            long total = groups.stream().mapToLong(Group::count).sum();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(total + " simulated GPUs are more than a node can index");
            }
        }

        /** How many GPUs the spec describes. */
        public int count() {
            return groups.stream().mapToInt(Group::count).sum();
        }

        /** The devices, indexed 0..n-1. */
        public List<GpuDevice> devices() {
            List<GpuDevice> devices = new ArrayList<>();
            for (Group group : groups) {
                for (int i = 0; i < group.count(); i++) {
                    devices.add(GpuDevice.simulated(devices.size(), group.memory()));
                }
            }
            return List.copyOf(devices);
        }

        @Override
        public String toString() {
            return groups.stream().map(Group::toString).collect(Collectors.joining(",", "sim:", ""));
        }

        private static Simulated parseGroups(String text, String body) {
            List<Group> groups = new ArrayList<>();
            for (String part : body.split(",", -1)) {
                Matcher m = GROUP.matcher(part.trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException("GPU spec \"" + text + "\": \"" + part.trim()
                        + "\" is not NxSIZE; " + ACCEPTED);
                }
                int count;
                try {
                    count = Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("GPU spec \"" + text + "\": count " + m.group(1)
                        + " is too large; " + ACCEPTED);
                }
                if (count < 1) {
                    throw new IllegalArgumentException("GPU spec \"" + text + "\": count " + count
                        + " must be at least 1; " + ACCEPTED);
                }
                long memory;
                try {
                    memory = MemorySize.parse(m.group(2).trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("GPU spec \"" + text + "\": " + e.getMessage() + "; " + ACCEPTED,
                        e);
                }
                groups.add(new Group(count, memory));
            }
            try {
                return new Simulated(groups);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GPU spec \"" + text + "\": " + e.getMessage(), e);
            }
        }
    }
}
