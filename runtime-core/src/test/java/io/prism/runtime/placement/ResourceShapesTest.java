package io.prism.runtime.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.ActorOptions;
import io.prism.Gpu;
import io.prism.exception.InvalidResourceRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceShapesTest {
    private static final long GIB = 1L << 30;

    static class FraudScorer {
    }

    @Gpu(0.25)
    static class Quarter {
    }

    @Gpu(value = 0.25, memory = "6GiB")
    static class QuarterWithBudget {
    }

    static class Whole {
        @Gpu(2)
        static class FraudScorer {
        }
    }

    static class Bad {
        @Gpu(1.5)
        static class FraudScorer {
        }
    }

    static class Gigs {
        @Gpu(value = 0.5, memory = "6 gigs")
        static class FraudScorer {
        }
    }

    static class WholeWithBudget {
        @Gpu(value = 2, memory = "6GiB")
        static class FraudScorer {
        }
    }

    private static ActorOptions gpu(Double gpu) {
        return new ActorOptions(null, gpu, null, null, 0, 1, null, null);
    }

    private static ActorOptions options(Double gpu, String memory, Double cpus, int maxRestarts, int maxConcurrency) {
        return new ActorOptions(null, gpu, memory, cpus, maxRestarts, maxConcurrency, null, null);
    }

    private static String rejection(Class<?> cls, ActorOptions options) {
        try {
            ResourceShapes.of(cls, options);
        } catch (InvalidResourceRequestException e) {
            return e.getMessage();
        }
        throw new AssertionError(cls.getSimpleName() + " with " + options + " was accepted");
    }

    @Test
    void annotationGivesAFractionWithProportionalMemoryAndNoCpu() {
        assertThat(ResourceShapes.of(Quarter.class, ActorOptions.defaults()))
            .isEqualTo(new ResourceShape(1, 2_500, ResourceShape.PROPORTIONAL, 0));
        assertThat(ResourceShapes.of(QuarterWithBudget.class, null))
            .isEqualTo(new ResourceShape(1, 2_500, 6 * GIB, 0));
        assertThat(ResourceShapes.of(Whole.FraudScorer.class, null)).isEqualTo(ResourceShape.wholeGpus(2, 0));
    }

    @Test
    void aClassWithoutGpuIsCpuOnly() {
        assertThat(ResourceShapes.of(FraudScorer.class, null)).isEqualTo(ResourceShape.cpuOnly(1_000));
        assertThat(ResourceShapes.of(FraudScorer.class, options(null, null, 2.5, 0, 1)))
            .isEqualTo(ResourceShape.cpuOnly(2_500));
        assertThat(ResourceShapes.of(FraudScorer.class, options(null, null, 0.0, 0, 1)))
            .isEqualTo(ResourceShape.cpuOnly(0));
    }

    @Test
    void optionsOverrideTheAnnotationFieldByField() {
        assertThat(ResourceShapes.of(Quarter.class, gpu(0.5))).isEqualTo(ResourceShape.fraction(5_000, -1, 0));
        assertThat(ResourceShapes.of(QuarterWithBudget.class, gpu(0.5)))
            .isEqualTo(ResourceShape.fraction(5_000, 6 * GIB, 0));
        assertThat(ResourceShapes.of(QuarterWithBudget.class, options(null, "2GiB", null, 0, 1)))
            .isEqualTo(ResourceShape.fraction(2_500, 2 * GIB, 0));
        assertThat(ResourceShapes.of(FraudScorer.class, options(0.1, "512MiB", 0.5, 0, 1)))
            .isEqualTo(ResourceShape.fraction(1_000, 512L << 20, 500));
    }

    @Test
    void anAnnotationsBudgetIsDroppedWhenOptionsAskForWholeGpus() {
        assertThat(ResourceShapes.of(QuarterWithBudget.class, gpu(2.0))).isEqualTo(ResourceShape.wholeGpus(2, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 1000", "0.3, 3000", "0.0001, 1", "0.9999, 9999", "0.25, 2500", "0.7, 7000", "0.35, 3500",
        "0.30000000000000004, 3000"
    })
    void acceptsEveryStepOfTenThousand(double g, long units) {
        assertThat(ResourceShapes.of(FraudScorer.class, gpu(g))).isEqualTo(ResourceShape.fraction(units, -1, 0));
    }

    @Test
    void everyOneOfTheTenThousandStepsIsAccepted() {
        for (int units = 1; units < 10_000; units++) {
            double g = units / 10_000.0;
            assertThat(ResourceShapes.of(FraudScorer.class, gpu(g)).unitsPerGpu()).as("%s", g).isEqualTo(units);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0, 8.0, 2.0000000000000004})
    void wholeNumbersAreWholeGpus(double g) {
        ResourceShape shape = ResourceShapes.of(FraudScorer.class, gpu(g));

        assertThat(shape.isWholeGpus()).isTrue();
        assertThat(shape.gpuCount()).isEqualTo((int) Math.rint(g));
        assertThat(shape.memoryBytes()).isEqualTo(ResourceShape.PROPORTIONAL);
    }

    @Test
    void rejectsMalformedGpuValuesNamingClassSourceAndValue() {
        assertThat(rejection(Bad.FraudScorer.class, null))
            .isEqualTo("@Gpu(1.5) on FraudScorer: fractions above 1 must be whole GPUs (use 1 or 2, or a value ≤ 1)");
        assertThat(rejection(FraudScorer.class, gpu(0.0))).startsWith(".gpu(0) for FraudScorer: GPUs must be more "
            + "than 0");
        assertThat(rejection(FraudScorer.class, gpu(-0.5))).startsWith(".gpu(-0.5) for FraudScorer: GPUs must be "
            + "more than 0");
        assertThat(rejection(FraudScorer.class, gpu(Double.NaN))).startsWith(".gpu(NaN) for FraudScorer: NaN is not a "
            + "number of GPUs");
        assertThat(rejection(FraudScorer.class, gpu(Double.POSITIVE_INFINITY)))
            .startsWith(".gpu(Infinity) for FraudScorer: Infinity is not a number of GPUs");
        assertThat(rejection(FraudScorer.class, gpu(Double.NEGATIVE_INFINITY)))
            .startsWith(".gpu(-Infinity) for FraudScorer");
        assertThat(rejection(FraudScorer.class, gpu(0.00001))).isEqualTo(".gpu(0.00001) for FraudScorer: 0.00001 is "
            + "below the smallest share, 0.0001 of a GPU (use 0.0001 or more)");
        assertThat(rejection(FraudScorer.class, gpu(0.12345))).isEqualTo(".gpu(0.12345) for FraudScorer: fractions go "
            + "in steps of 0.0001 (use 0.1234 or 0.1235)");
        assertThat(rejection(FraudScorer.class, gpu(2.5)))
            .isEqualTo(".gpu(2.5) for FraudScorer: fractions above 1 must be whole GPUs (use 2 or 3, or a value ≤ 1)");
    }

    @Test
    void rejectsMemoryThatDoesNotParseOrIsNotPositive() {
        assertThat(rejection(Gigs.FraudScorer.class, null))
            .startsWith("@Gpu(memory = \"6 gigs\") on FraudScorer: memory size \"6 gigs\" is not understood");
        assertThat(rejection(Quarter.class, options(null, "6 gigs", null, 0, 1)))
            .startsWith(".gpuMemory(\"6 gigs\") for Quarter: memory size \"6 gigs\" is not understood");
        assertThat(rejection(Quarter.class, options(null, "0", null, 0, 1)))
            .isEqualTo(".gpuMemory(\"0\") for Quarter: memory size \"0\" must be more than 0 bytes");
        assertThat(rejection(Quarter.class, options(null, "-1GiB", null, 0, 1)))
            .startsWith(".gpuMemory(\"-1GiB\") for Quarter: memory size \"-1GiB\" is not understood");
        assertThat(rejection(FraudScorer.class, options(null, "6GiB", null, 0, 1)))
            .startsWith(".gpuMemory(\"6GiB\") for FraudScorer: a memory budget needs a GPU share");
    }

    @Test
    void rejectsAMemoryBudgetWrittenNextToWholeGpus() {
        assertThat(rejection(WholeWithBudget.FraudScorer.class, null))
            .startsWith("@Gpu(value = 2, memory = \"6GiB\") on FraudScorer: a memory budget applies to a fraction of "
                + "one GPU");
        assertThat(rejection(Whole.FraudScorer.class, options(null, "6GiB", null, 0, 1)))
            .startsWith(".gpuMemory(\"6GiB\") for FraudScorer with @Gpu(2): a memory budget applies");
        assertThat(rejection(FraudScorer.class, options(1.0, "6GiB", null, 0, 1)))
            .startsWith(".gpuMemory(\"6GiB\") for FraudScorer with .gpu(1): a memory budget applies");
    }

    @Test
    void rejectsBadCpusRestartsAndConcurrency() {
        assertThat(rejection(FraudScorer.class, options(null, null, -1.0, 0, 1)))
            .isEqualTo(".cpus(-1) for FraudScorer: CPUs must be 0 or more (such as 0.5 or 2; the default is 1 for CPU-only actors, 0 for GPU actors)");
        assertThat(rejection(FraudScorer.class, options(null, null, Double.NaN, 0, 1)))
            .startsWith(".cpus(NaN) for FraudScorer: NaN is not a number of CPUs");
        assertThat(rejection(FraudScorer.class, options(null, null, null, -2, 1)))
            .isEqualTo(".maxRestarts(-2) for FraudScorer: use -1 for no limit, 0 for none, or a positive number of "
                + "restarts");
        assertThat(rejection(FraudScorer.class, options(null, null, null, 0, 0)))
            .startsWith(".maxConcurrency(0) for FraudScorer: an actor runs at least 1 call at a time");
        assertThat(ResourceShapes.of(FraudScorer.class, options(null, null, null, -1, 4)))
            .isEqualTo(ResourceShape.cpuOnly(1_000));
    }

    @Test
    void shapesRefuseIllegalCombinations() {
        assertThatThrownBy(() -> new ResourceShape(2, 5_000, -1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a fraction never spans GPUs");
        assertThatThrownBy(() -> new ResourceShape(1, 10_000, GIB, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("whole GPUs get all of each device's memory");
        assertThatThrownBy(() -> new ResourceShape(0, 100, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResourceShape(1, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proportionalMemoryIsTheFractionOfTheChosenDevice() {
        io.prism.resources.device.GpuDevice h100 = io.prism.resources.device.GpuDevice.simulated(0, 80 * GIB);

        assertThat(ResourceShape.fraction(2_500, -1, 0).memoryOn(h100)).isEqualTo(20 * GIB);
        assertThat(ResourceShape.fraction(1, -1, 0).memoryOn(h100)).isEqualTo(80 * GIB / 10_000);
        assertThat(ResourceShape.fraction(2_500, 6 * GIB, 0).memoryOn(h100)).isEqualTo(6 * GIB);
        assertThat(ResourceShape.wholeGpus(1, 0).memoryOn(h100)).isEqualTo(80 * GIB);
    }
}
