package io.prism.benchmarks.all;

import io.prism.benchmarks.Aim;
import io.prism.benchmarks.BenchReport;

/** Parts for {@link PartRunnerTest}, run as JVMs of their own. */
final class FakeParts {
    private FakeParts() {
    }

    /** Records one figure and ends well. */
    static final class Records {
        public static void main(String[] args) {
            BenchReport.record("placement", "decision p50", "µs", 8.5, "", Double.NaN, Aim.atMost(20));
        }
    }

    /** Records one figure, then throws. */
    static final class Throws {
        public static void main(String[] args) {
            BenchReport.record("memory", "heap per actor", "KiB", 3.2, "Pekko actor", 0.8, Aim.NONE);
            throw new IllegalStateException("the head printed no line starting with 'Prism head up at'");
        }
    }

    /** Ends well without a figure. */
    static final class Silent {
        public static void main(String[] args) {
            System.out.println("a table nobody asked to record");
        }
    }
}
