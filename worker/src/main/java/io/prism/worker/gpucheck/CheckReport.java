package io.prism.worker.gpucheck;

import io.prism.worker.console.TextTable;

import java.io.PrintWriter;

/**
 * The check's output, printed as it goes: a numbered section per step, its lines indented, and a PASS or FAIL line
 * that ends it. A check on a real GPU takes a while, so each step shows up as soon as it has run.
 */
final class CheckReport {
    private static final String INDENT = "   ";

    private final PrintWriter out;
    private final int steps;
    private int passed;
    private int failedStep;

    CheckReport(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Opens step {@code number}'s section. */
    Section step(int number, String title) {
        out.printf("%n%d. %s%n", number, title);
        out.flush();
        return new Section(number);
    }

    /** One step's section. {@link #pass} or {@link #fail} ends it and says whether the check goes on. */
    final class Section {
        private final int number;

        private Section(int number) {
            this.number = number;
        }

        void line(String text) {
            out.println(INDENT + text);
            out.flush();
        }

        void table(TextTable table) {
            table.lines(INDENT).forEach(out::println);
            out.flush();
        }

        boolean pass(String summary) {
            passed++;
            line("PASS  " + summary);
            return true;
        }

        boolean fail(String reason) {
            if (failedStep == 0) {
                failedStep = number;
            }
            line("FAIL  " + reason);
            return false;
        }
    }

    /** The closing line: every step passed, or which one failed and which did not run. */
    void summary() {
        out.println();
        if (failedStep == 0 && passed == steps) {
            out.println("gpu-check: all " + steps + " steps passed");
        } else {
            int notRun = steps - passed - (failedStep == 0 ? 0 : 1);
            out.println("gpu-check: " + passed + " of " + steps + " steps passed"
                + (failedStep == 0 ? "" : ", step " + failedStep + " failed")
                + (notRun == 0 ? "" : ", " + notRun + " not run"));
        }
        out.flush();
    }

    /** 0 when every step passed, else 1. */
    int exitCode() {
        return failedStep == 0 && passed == steps ? 0 : 1;
    }
}
