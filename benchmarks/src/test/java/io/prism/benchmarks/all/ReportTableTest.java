package io.prism.benchmarks.all;

import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTableTest {
    private static List<String> print(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportTable.print(AllBenchmarks.bySection(rows), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eachFigureSitsNextToItsBaselineRatioAndAim() {
        List<String> lines = print(List.of(
            Row.of("cross-JVM call", "sync round trip p50", "µs", 313.3, "tell+id", 264.2, Aim.ratioAtMost(1.10)),
            Row.of("cross-JVM call", "pipelined, 16 in flight", "calls/s", 27_553, "tell+id", 25_883,
                Aim.ratioAtLeast(0.80)),
            Row.alone("placement", "decision p50, PACK", "µs", 8.49, Aim.atMost(20))));

        assertThat(lines.get(0)).matches("section +figure +Prism +baseline +ratio +aim");
        assertThat(lines.get(2)).matches(
            "cross-JVM call +sync round trip p50 +313.3 µs +tell\\+id 264.2 µs +1.19× +≤ 1.10× +✗");
        assertThat(lines.get(3)).matches(
            " +pipelined, 16 in flight +27,553 calls/s +tell\\+id 25,883 calls/s +1.06× +≥ 0.80× +✓");
        assertThat(lines.get(4)).matches("placement +decision p50, PACK +8.49 µs +- +- +≤ 20 µs +✓");
    }

    @Test
    void rowsOfASectionStayTogetherWhicheverPartReportedThem() {
        List<String> lines = print(List.of(
            Row.of("cross-JVM call", "sync p50", "µs", 313.3, "tell+id", 264.2, Aim.NONE),
            Row.alone("actor creation", "created/s, 3-node cluster", "actors/s", 1_025, Aim.atLeast(2_000)),
            Row.of("cross-JVM call", "sync p99", "µs", 2277.4, "tell+id", 1531.9, Aim.NONE),
            Row.of("actor creation", "created/s, embedded", "actors/s", 3_000, "Pekko spawn", 60_000, Aim.NONE)));

        assertThat(lines.subList(2, 6)).extracting(l -> l.substring(0, 16).strip())
            .containsExactly("cross-JVM call", "", "actor creation", "");
        assertThat(lines.get(4)).contains("1,025 actors/s").contains("≥ 2,000 actors/s").endsWith("✗");
    }

    @Test
    void aFailedPartShowsItsErrorInPlaceOfFigures() {
        List<String> lines = print(List.of(Row.failed("memory", "memory: idle RSS, heap per actor",
            "IllegalStateException: no /proc/42/status: the resident size is read from Linux's /proc")));

        assertThat(lines.get(2)).matches("memory +memory: idle RSS, heap per actor +FAILED: IllegalStateException: "
            + "no /proc/42/status: the resident size is read from Linux's /proc");
    }
}
