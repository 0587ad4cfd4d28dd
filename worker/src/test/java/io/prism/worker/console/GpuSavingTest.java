package io.prism.worker.console;

import org.junit.jupiter.api.Test;

import static io.prism.worker.console.ClusterStates.on;
import static io.prism.worker.console.ClusterStates.oneNode;
import static org.assertj.core.api.Assertions.assertThat;

class GpuSavingTest {

    @Test
    void fourQuarterActorsOnOneGpuSaveThreeOfFour() {
        GpuSaving saving = GpuSaving.of(oneNode(2, on(0, 2500), on(0, 2500), on(0, 2500), on(0, 2500)));

        assertThat(saving.line()).isEqualTo("4 actors on 1 of 2 GPUs: 1 GPU instead of 4 (75% fewer)");
    }

    @Test
    void countsGpusInUseAcrossGpusAndRoundsThePercentage() {
        GpuSaving saving = GpuSaving.of(oneNode(4, on(0, 5000), on(0, 5000), on(1, 3000)));

        assertThat(saving.line()).isEqualTo("3 actors on 2 of 4 GPUs: 2 GPUs instead of 3 (33% fewer)");
    }

    @Test
    void wholeGpuActorsSaveNothing() {
        GpuSaving saving = GpuSaving.of(oneNode(2, on(0, 10_000), on(1, 10_000)));

        assertThat(saving.line()).isEqualTo("2 actors on 2 of 2 GPUs: no GPU saved (each actor has GPUs of its own)");
        assertThat(saving.percentFewer()).isZero();
    }

    @Test
    void aClusterWithoutGpuActorsSaysSo() {
        assertThat(GpuSaving.of(oneNode(2)).line()).isEqualTo("no actor holds a GPU share");
    }
}
