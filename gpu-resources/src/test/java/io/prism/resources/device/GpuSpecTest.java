package io.prism.resources.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GpuSpecTest {

    @Test
    void readsAutoAndNone() {
        assertThat(GpuSpec.parse("auto")).isInstanceOf(GpuSpec.Auto.class).hasToString("auto");
        assertThat(GpuSpec.parse(" NONE ")).isInstanceOf(GpuSpec.None.class).hasToString("none");
    }

    @Test
    void readsSimulatedGpus() {
        GpuSpec spec = GpuSpec.parse("sim:2x16GiB");

        assertThat(spec).isEqualTo(new GpuSpec.Simulated(List.of(new GpuSpec.Group(2, 16L << 30))));
        assertThat(spec).hasToString("sim:2x16GiB");
        assertThat(((GpuSpec.Simulated) spec).devices())
            .extracting(GpuDevice::index, GpuDevice::totalMemory, GpuDevice::simulated)
            .containsExactly(
                tuple(0, 16L << 30, true),
                tuple(1, 16L << 30, true));
    }

    @Test
    void readsAListOfGroupsIndexedInOrder() {
        GpuSpec.Simulated spec = (GpuSpec.Simulated) GpuSpec.parse("sim:1x80GiB,2x40GiB");

        assertThat(spec.count()).isEqualTo(3);
        assertThat(spec.devices()).extracting(GpuDevice::index).containsExactly(0, 1, 2);
        assertThat(spec.devices()).extracting(GpuDevice::totalMemory).containsExactly(80L << 30, 40L << 30, 40L << 30);
        assertThat(spec.devices()).extracting(GpuDevice::uuid).doesNotHaveDuplicates();
        assertThat(spec).hasToString("sim:1x80GiB,2x40GiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "none", "sim:2x16GiB", "sim:1x80GiB,2x40GiB", "sim:1x1.5GiB", "sim:3x1GB"})
    void toStringIsReadBackToTheSameSpec(String text) {
        GpuSpec spec = GpuSpec.parse(text);

        assertThat(GpuSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:2", "sim:0x16GiB", "gpus=foo", "sim:", "sim:2x", "sim:2x6 gigs", "sim:2x16GiB,",
        "sim:99999999999x1GiB"})
    void rejectsBadSpecsNamingTheValueAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> GpuSpec.parse(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"" + text + "\"")
            .hasMessageContaining("sim:NxSIZE");
    }

    @Test
    void saysWhyACountOfZeroIsWrong() {
        assertThatThrownBy(() -> GpuSpec.parse("sim:0x16GiB")).hasMessageContaining("count 0 must be at least 1");
    }

    @Test
    void rejectsAnEmptySpec() {
        assertThatThrownBy(() -> GpuSpec.parse(" "))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("empty")
            .hasMessageContaining("auto");
    }
}
