package io.prism.runtime.placement;

import io.prism.ActorOptions;
import io.prism.Gpu;
import io.prism.exception.InvalidResourceRequestException;
import io.prism.resources.device.MemorySize;
import io.prism.resources.ledger.GpuLedger;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns an actor class's {@link Gpu} and its {@link ActorOptions} into a {@link ResourceShape}, refusing what is
 * malformed when the handle is built rather than when placement fails later.
 *
 * <p>Each option overrides its annotation field on its own: {@code .gpu(0.5)} keeps {@code @Gpu(memory = ...)}.
 * A memory budget is for a fraction of one GPU; whole GPUs ({@code g ≥ 1}) always get all of each device's memory.
 * So a budget written next to a whole number is refused, while an annotation's budget is dropped when
 * {@code .gpu(n)} turns its fraction into whole GPUs (the budget was written for the annotation's fraction).
 */
public final class ResourceShapes {
    /** Values within this many units of a whole unit count as that unit: 0.3 × 10,000 is 2999.9999999999995. */
    private static final double UNIT_TOLERANCE = 1e-6;
    private static final long DEFAULT_CPU_MILLIS = 1_000;
    /** A number of GPUs as text: digits with an optional sign and decimal point, no exponent or suffix. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

    private ResourceShapes() {
    }

    /**
     * The shape an instance of {@code actorClass} created with {@code options} asks for.
     *
     * @param options the builder's options, or null for {@link ActorOptions#defaults()}
     * @throws InvalidResourceRequestException naming the class, where the bad value came from, the value and what
     *                                         would be right
     */
    public static ResourceShape of(Class<?> actorClass, ActorOptions options) {
        Objects.requireNonNull(actorClass, "actorClass");
        ActorOptions opts = options == null ? ActorOptions.defaults() : options;
        String cls = actorClass.getSimpleName().isEmpty() ? actorClass.getName() : actorClass.getSimpleName();
        Gpu gpu = actorClass.getAnnotation(Gpu.class);

        checkRestartsAndConcurrency(cls, opts);
        long cpuMillis = cpuMillis(cls, opts.cpus(), opts.gpu() != null || gpu != null);

        String annotationMemory = gpu == null || gpu.memory().isEmpty() ? null : gpu.memory();
        if (opts.gpu() == null && gpu == null) {
            if (opts.gpuMemory() != null) {
                throw new InvalidResourceRequestException(".gpuMemory(\"" + opts.gpuMemory() + "\") for " + cls
                    + ": a memory budget needs a GPU share, and " + cls + " asks for none (add @Gpu(0.25) to the "
                    + "class or .gpu(0.25) to the builder, or drop the memory budget)");
            }
            return ResourceShape.cpuOnly(cpuMillis);
        }

        double g = opts.gpu() != null ? opts.gpu() : gpu.value();
        String gpuSource = opts.gpu() != null
            ? ".gpu(" + number(g) + ") for " + cls
            : annotationMemory == null ? "@Gpu(" + number(g) + ") on " + cls
            : "@Gpu(value = " + number(g) + ", memory = \"" + annotationMemory + "\") on " + cls;
        long units = units(gpuSource, g);

        String memory = opts.gpuMemory() != null ? opts.gpuMemory() : annotationMemory;
        String memorySource = opts.gpuMemory() != null
            ? ".gpuMemory(\"" + opts.gpuMemory() + "\") for " + cls
            : "@Gpu(memory = \"" + annotationMemory + "\") on " + cls;

        if (units < 0) {
            int count = (int) -units;
            boolean annotationBudgetForItsFraction = opts.gpu() != null && opts.gpuMemory() == null;
            if (memory != null && !annotationBudgetForItsFraction) {
                String where = opts.gpuMemory() != null && opts.gpu() == null
                    ? memorySource + " with @Gpu(" + number(g) + ")"
                    : opts.gpuMemory() != null ? memorySource + " with .gpu(" + number(g) + ")" : gpuSource;
                throw new InvalidResourceRequestException(where + ": a memory budget applies to a fraction of one "
                    + "GPU, and " + number(g) + " asks for whole GPUs, which get all of each device's memory (drop "
                    + "the memory budget, or ask for a fraction below 1 such as 0.5)");
            }
            return ResourceShape.wholeGpus(count, cpuMillis);
        }
        long memoryBytes = memory == null ? ResourceShape.PROPORTIONAL : memoryBytes(memorySource, memory);
        return ResourceShape.fraction(units, memoryBytes, cpuMillis);
    }

    /**
     * The shape of a GPU share written as text, as in a workload for the simulator: {@code "0.25"} or {@code "2"},
     * with an optional memory budget such as {@code "20GiB"} (null for the proportional share), and no CPUs. The
     * rules are those of {@code @Gpu}.
     *
     * @param source where the text came from; it starts every message
     * @throws InvalidResourceRequestException naming the source, the value and what would be right
     */
    public static ResourceShape gpuShape(String source, String gpus, String memory) {
        if (!DECIMAL.matcher(gpus.trim()).matches()) {
            throw new InvalidResourceRequestException(source + ": \"" + gpus + "\" is not a number of GPUs (use a "
                + "fraction 0 < g ≤ 1 such as 0.25, or a whole number of GPUs such as 2)");
        }
        double g = Double.parseDouble(gpus.trim());
        long units = units(source, g);
        if (units < 0) {
            if (memory != null) {
                throw new InvalidResourceRequestException(source + ": a memory budget applies to a fraction of one "
                    + "GPU, and " + number(g) + " asks for whole GPUs, which get all of each device's memory (drop "
                    + "the memory budget, or ask for a fraction below 1 such as 0.5)");
            }
            return ResourceShape.wholeGpus((int) -units, 0);
        }
        return ResourceShape.fraction(units, memory == null ? ResourceShape.PROPORTIONAL
            : memoryBytes(source, memory), 0);
    }

    /** Units of a fraction (positive), or minus the number of whole GPUs. */
    private static long units(String source, double g) {
        if (Double.isNaN(g) || Double.isInfinite(g)) {
            throw new InvalidResourceRequestException(source + ": " + number(g) + " is not a number of GPUs (use a "
                + "fraction 0 < g ≤ 1 in steps of 0.0001 such as 0.25, or a whole number of GPUs such as 2)");
        }
        if (g <= 0) {
            throw new InvalidResourceRequestException(source + ": GPUs must be more than 0 (use a fraction "
                + "0 < g ≤ 1 such as 0.25, or a whole number such as 2; for a CPU-only actor ask for no GPU at all)");
        }
        if (g > 1) {
            double whole = Math.rint(g);
            if (Math.abs(g - whole) > UNIT_TOLERANCE / GpuLedger.UNITS_PER_GPU) {
                throw new InvalidResourceRequestException(source + ": fractions above 1 must be whole GPUs (use "
                    + number(Math.floor(g)) + " or " + number(Math.ceil(g)) + ", or a value ≤ 1)");
            }
            if (whole > Integer.MAX_VALUE) {
                throw new InvalidResourceRequestException(source + ": " + number(g) + " GPUs is more than any node "
                    + "has (use the number of GPUs the actor really needs on one node)");
            }
            return -(long) whole;
        }
        double scaled = g * GpuLedger.UNITS_PER_GPU;
        if (scaled < 1 - UNIT_TOLERANCE) {
            throw new InvalidResourceRequestException(source + ": " + number(g) + " is below the smallest share, "
                + "0.0001 of a GPU (use 0.0001 or more)");
        }
        long units = Math.round(scaled);
        if (Math.abs(scaled - units) > UNIT_TOLERANCE) {
            long below = (long) Math.floor(scaled);
            throw new InvalidResourceRequestException(source + ": fractions go in steps of 0.0001 (use "
                + ResourceShape.gpus(below) + " or " + ResourceShape.gpus(below + 1) + ")");
        }
        return units == GpuLedger.UNITS_PER_GPU ? -1 : units;
    }

    private static long memoryBytes(String source, String memory) {
        try {
            return MemorySize.parse(memory);
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceRequestException(source + ": " + e.getMessage());
        }
    }

    /**
     * CPUs reserved when none are asked for: one for a CPU-only actor, none for a GPU actor, whose work runs on its
     * GPU share (a CPU per scorer would let a 2-core node hold only two quarter-GPU actors).
     */
    private static long cpuMillis(String cls, Double cpus, boolean gpuActor) {
        if (cpus == null) {
            return gpuActor ? 0 : DEFAULT_CPU_MILLIS;
        }
        String source = ".cpus(" + number(cpus) + ") for " + cls;
        if (cpus.isNaN() || cpus.isInfinite()) {
            throw new InvalidResourceRequestException(source + ": " + number(cpus) + " is not a number of CPUs "
                + "(use 0 or more, such as 0.5 or 2; the default is 1 for CPU-only actors, 0 for GPU actors)");
        }
        if (cpus < 0) {
            throw new InvalidResourceRequestException(source + ": CPUs must be 0 or more (such as 0.5 or 2; the "
                + "default is 1 for CPU-only actors, 0 for GPU actors)");
        }
        return Math.round(cpus * 1_000);
    }

    private static void checkRestartsAndConcurrency(String cls, ActorOptions opts) {
        if (opts.maxRestarts() < -1) {
            throw new InvalidResourceRequestException(".maxRestarts(" + opts.maxRestarts() + ") for " + cls
                + ": use -1 for no limit, 0 for none, or a positive number of restarts");
        }
        if (opts.maxConcurrency() < 1) {
            throw new InvalidResourceRequestException(".maxConcurrency(" + opts.maxConcurrency() + ") for " + cls
                + ": an actor runs at least 1 call at a time (use 1, the default, or more)");
        }
    }

    /** A double as a user would write it: 2, 1.5, 0.00001, NaN. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
