package io.prism.worker.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverSortedValues() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000L;
        }
        Latencies latencies = new Latencies(nanos);

        assertThat(latencies.percentile(50)).isEqualTo(50_000);
        assertThat(latencies.percentile(99)).isEqualTo(99_000);
        assertThat(latencies.percentile(100)).isEqualTo(100_000);
        assertThat(latencies.max()).isEqualTo(100_000);
    }

    @Test
    void formatsWithThreeSignificantFigures() {
        assertThat(Latencies.format(843_000)).isEqualTo("0.84 ms");
        assertThat(Latencies.format(12_340_000)).isEqualTo("12.3 ms");
        assertThat(Latencies.format(1_200_000_000)).isEqualTo("1.20 s");
    }
}
