package io.prism.benchmarks;

import io.prism.benchmarks.BenchReport.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchReportTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(BenchReport.FILE_PROPERTY);
    }

    @Test
    void rowsRecordedToTheNamedFileReadBackAsRecorded() throws Exception {
        Path file = dir.resolve("report.tsv");
        System.setProperty(BenchReport.FILE_PROPERTY, file.toString());
        Row sync = Row.of("cross-JVM call", "sync p50", "µs", 313.3, "tell+id", 264.2, Aim.ratioAtMost(1.10));
        Row placement = Row.alone("placement", "decision p50", "µs", 8.5, Aim.atMost(20));
        Row pipelined = Row.of("in-JVM call", "calls/s, 16 in flight", "calls/s", 202_698, "tell+id", 246_879,
            Aim.ratioAtLeast(0.8)).withRatio(0.82);
        Row failed = Row.failed("memory", "idle RSS", "IllegalStateException: no /proc");

        BenchReport.record(sync);
        BenchReport.record(placement);
        BenchReport.record(pipelined);
        BenchReport.record(failed);

        assertThat(BenchReport.read(file)).containsExactly(sync, placement, pipelined, failed);
    }

    @Test
    void tabsAndLineBreaksInTextCannotBreakTheFile() throws Exception {
        Path file = dir.resolve("report.tsv");
        System.setProperty(BenchReport.FILE_PROPERTY, file.toString());

        BenchReport.record(Row.failed("memory", "idle\tRSS", "first line\n\tsecond line"));

        assertThat(BenchReport.read(file)).singleElement().satisfies(r -> {
            assertThat(r.figure()).isEqualTo("idle RSS");
            assertThat(r.error()).isEqualTo("first line second line");
        });
    }

    @Test
    void withoutThePropertyRecordingWritesNothing() throws Exception {
        BenchReport.record("placement", "decision p50", "µs", 8.5, "", Double.NaN, Aim.atMost(20));

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(BenchReport.read(dir.resolve("missing.tsv"))).isEmpty();
    }

    @Test
    void aimsJudgeTheRatioOrTheValue() {
        assertThat(Row.of("s", "sync p50", "µs", 313, "tell", 264, Aim.ratioAtMost(1.10)).verdict()).isEqualTo("✗");
        assertThat(Row.of("s", "sync p50", "µs", 280, "tell", 264, Aim.ratioAtMost(1.10)).verdict()).isEqualTo("✓");
        assertThat(Row.of("s", "calls/s", "/s", 50, "tell", 100, Aim.ratioAtLeast(0.8)).withRatio(0.9).verdict())
            .isEqualTo("✓");
        assertThat(Row.alone("s", "creates", "/s", 1_025, Aim.atLeast(2_000)).verdict()).isEqualTo("✗");
        assertThat(Row.alone("s", "RSS", "MiB", 150, Aim.atMost(200)).verdict()).isEqualTo("✓");
        assertThat(Row.alone("s", "p99", "µs", 150, Aim.NONE).verdict()).isEmpty();
        assertThat(Row.alone("s", "p99", "µs", 150, Aim.NONE).ratio()).isNaN();
    }

    @Test
    void aLineWithTheWrongFieldsIsRefusedWithTheLine() {
        assertThatThrownBy(() -> BenchReport.parse("memory\tidle RSS"))
            .hasMessageContaining("2 fields instead of 10").hasMessageContaining("memory\tidle RSS");
    }
}
