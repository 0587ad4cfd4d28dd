package io.prism.worker.gpucheck;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CheckReportTest {
    private final StringWriter text = new StringWriter();
    private final CheckReport report = new CheckReport(new PrintWriter(text, true), 3);

    @Test
    void everyStepPassedExitsWithZero() {
        for (int i = 1; i <= 3; i++) {
            report.step(i, "step " + i).pass("fine");
        }
        report.summary();

        assertThat(report.exitCode()).isZero();
        assertThat(text.toString()).contains("\n1. step 1\n   PASS  fine\n")
            .endsWith("gpu-check: all 3 steps passed\n");
    }

    @Test
    void aFailedStepIsNamedWithTheStepsThatDidNotRun() {
        report.step(1, "devices").pass("GPU 0");
        CheckReport.Section second = report.step(2, "isolation");
        second.line("node embedded: isolation SHARED");
        second.fail("the node fell back to SHARED isolation");
        report.summary();

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(text.toString()).contains("   node embedded: isolation SHARED\n   FAIL  the node fell back")
            .endsWith("gpu-check: 1 of 3 steps passed, step 2 failed, 1 not run\n");
    }

    @Test
    void stepsThatNeverRanAreNotAPass() {
        report.step(1, "devices").pass("GPU 0");
        report.summary();

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(text.toString()).endsWith("gpu-check: 1 of 3 steps passed, 2 not run\n");
    }
}
