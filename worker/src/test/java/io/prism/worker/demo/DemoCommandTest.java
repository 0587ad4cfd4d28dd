package io.prism.worker.demo;

import io.prism.worker.CliTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest extends CliTest {
    @Test
    void packsFourQuarterGpuScorersOnOneGpuAndScoresEveryCall() {
        int exit = run("demo", "--calls", "2000", "--warmup", "200");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        String output = out.toString();
        for (int i = 1; i <= 4; i++) {
            assertThat(output).containsPattern("(?m)^  fraud-" + i + " .* 0 +0\\.25 +4 GiB +\\w+$");
        }
        assertThat(output)
            .containsPattern("(?m)^  GPU 0  \\[#{24}\\]  100%  4 actors")
            .containsPattern("(?m)^  GPU 1  \\[\\.{24}\\]    0%  0 actors")
            .contains("4 actors on 1 of 2 GPUs: 1 GPU instead of 4 (75% fewer)")
            .containsPattern("Calls: 2,000 scores, round-robin over 4 actors")
            .containsPattern("throughput +[\\d,]+ calls/s");
        assertThat(scores(output, "groceries")).isLessThan(scores(output, "takeover"));
    }

    @Test
    void anUnusableGpuSpecFailsWithOneLineAndExitCodeOne() {
        int exit = run("demo", "--gpus", "sim:lots");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("prism demo: ").contains("sim:lots").doesNotContain("\n");
    }

    /** The score printed for a sample; "<0.001" reads as 0. */
    private static float scores(String output, String sample) {
        Matcher m = Pattern.compile("(?m)^  " + sample + " .* (<?)(\\d\\.\\d{3})$").matcher(output);
        assertThat(m.find()).as("a score line for %s in:%n%s", sample, output).isTrue();
        return m.group(1).isEmpty() ? Float.parseFloat(m.group(2)) : 0f;
    }
}
