package io.prism.benchmarks.all;

import io.prism.benchmarks.BenchReport.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private PartRunner runner() {
        return new PartRunner(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"), Duration.ofMinutes(2), dir,
            new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    private static Part fake(String section, Class<?> main) {
        return new Part(section, section + " (fake)", main.getName(), List.of());
    }

    @Test
    void aFailingPartGetsARowWithItsErrorAndTheNextPartStillRuns() throws Exception {
        List<Row> rows = runner().run(List.of(fake("memory", FakeParts.Throws.class),
            fake("placement", FakeParts.Records.class)));

        assertThat(rows).extracting(Row::section, Row::figure, Row::error).containsExactly(
            org.assertj.core.groups.Tuple.tuple("memory", "heap per actor", ""),
            org.assertj.core.groups.Tuple.tuple("memory", "memory (fake)",
                "IllegalStateException: the head printed no line starting with 'Prism head up at'"),
            org.assertj.core.groups.Tuple.tuple("placement", "decision p50", ""));
        assertThat(progress.toString(StandardCharsets.UTF_8).lines())
            .containsExactly("[1/2] memory (fake) ... FAILED in " + seconds(0) + " s, 1 figures",
                "[2/2] placement (fake) ... done in " + seconds(1) + " s, 1 figures");
    }

    @Test
    void aPartThatReportsNothingOrCannotStartSaysSo() throws Exception {
        List<Row> rows = runner().run(List.of(fake("in-JVM call", FakeParts.Silent.class),
            new Part("cross-JVM call", "cluster", "io.prism.benchmarks.NoSuchPart", List.of())));

        assertThat(rows).allMatch(Row::failed);
        assertThat(rows.get(0).error()).isEqualTo("finished but reported no figures");
        assertThat(rows.get(1).error()).contains("io.prism.benchmarks.NoSuchPart");
    }

    @Test
    void theTableShowsEveryPartsRowsAndTheMachine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AllBenchmarks.run(runner(), List.of(fake("placement", FakeParts.Records.class),
            fake("memory", FakeParts.Throws.class)), new PrintStream(out, true, StandardCharsets.UTF_8));

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("placement +decision p50 +8.50 µs +- +- +≤ 20 µs +✓")
            .containsPattern("memory +heap per actor +3.20 KiB +Pekko actor 0.80 KiB +4.00× *\n")
            .contains("FAILED: IllegalStateException: the head printed no line")
            .containsPattern("Machine: Java [^,]+, .*\\d+ cores, .*load average");
    }

    /** The progress line's seconds, whatever they were: read back from what was printed. */
    private String seconds(int line) {
        String text = progress.toString(StandardCharsets.UTF_8).lines().toList().get(line);
        return text.replaceAll(".* in (\\d+) s, .*", "$1");
    }
}
