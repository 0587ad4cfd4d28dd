package io.prism.worker.console;

import org.junit.jupiter.api.Test;

import static io.prism.worker.console.ClusterStates.on;
import static io.prism.worker.console.ClusterStates.oneNode;
import static org.assertj.core.api.Assertions.assertThat;

class GpuBarsTest {

    @Test
    void drawsAFullGpuAndAnEmptyOneAligned() {
        var lines = GpuBars.lines(oneNode(2, on(0, 2500), on(0, 2500), on(0, 2500), on(0, 2500)), "");

        assertThat(lines).containsExactly(
            "GPU 0  [########################]  100%  4 actors  16 GiB of 16 GiB",
            "GPU 1  [........................]    0%  0 actors     0 B of 16 GiB");
    }

    @Test
    void barLengthFollowsTheUsedFractionAndATinyShareStillShows() {
        assertThat(GpuBars.bar(2500)).isEqualTo("[######..................]");
        assertThat(GpuBars.bar(1)).isEqualTo("[#.......................]");
        assertThat(GpuBars.percent(3333)).isEqualTo(33);
        assertThat(GpuBars.percent(6667)).isEqualTo(67);
    }
}
