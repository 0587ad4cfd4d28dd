package io.prism.benchmarks.all;

import io.prism.benchmarks.BenchReport.Row;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar benchmarks.jar all [--quick]}: every end-to-end benchmark, each in a JVM of its own, then one
 * table of their headline figures against the baselines each measured in the same run, and the machine they ran
 * on. About 15 minutes on 2 cores, {@code --quick} about 5 (longer on a busy machine: executor starts slow down
 * most).
 */
public final class AllBenchmarks {
    static final String USAGE = """
        usage: java -jar benchmarks/target/benchmarks.jar all [--quick]
          runs every end-to-end benchmark in a JVM of its own, one after another, and prints one table
          --quick   shorter runs of each (about 5 minutes in all on 2 cores instead of about 15)""";
    private static final Duration PART_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration QUICK_PART_TIMEOUT = Duration.ofMinutes(5);

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        for (String a : options) {
            if (!a.equals("--quick")) {
                System.err.println("unknown option " + a + "\n" + USAGE);
                System.exit(2);
            }
        }
        boolean quick = options.contains("--quick");
        Path workDir = Files.createTempDirectory("prism-bench-");
        PartRunner runner = new PartRunner(List.of(), quick ? QUICK_PART_TIMEOUT : PART_TIMEOUT, workDir,
            System.err);
        run(runner, parts(quick), System.out);
        System.out.println("Each part's own output and tables: " + workDir);
    }

    /** The parts, cheapest to disturb first: nothing else of the run is up while each measures. */
    static List<Part> parts(boolean quick) {
        List<Part> parts = new ArrayList<>();
        parts.add(part("in-JVM call", "in-JVM: handle.call against raw Pekko request/reply", quick));
        parts.add(part("cross-JVM call", "cross-JVM: handle.call against raw Pekko and a socket", quick, "cluster"));
        parts.add(part("actor creation", "actor creation, embedded", quick, "creation"));
        parts.add(part("executor start", "executor start", quick, "executor-start"));
        parts.add(part("placement", "placement at 1,000 nodes × 8 GPUs", quick, "placement"));
        parts.add(part("memory", "memory: idle worker RSS, heap per actor", quick, "memory"));
        return parts;
    }

    private static Part part(String section, String title, boolean quick, String... subcommand) {
        List<String> args = new ArrayList<>(List.of(subcommand));
        if (quick) {
            args.add("--quick");
        }
        return new Part(section, title, PartMain.class.getName(), args);
    }

    static void run(PartRunner runner, List<Part> parts, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        double loadBefore = loadAverage();
        List<Row> rows = runner.run(parts);
        double loadAfter = loadAverage();
        out.println();
        ReportTable.print(bySection(rows), out);
        out.println();
        out.println(machine(loadBefore, loadAfter, (System.nanoTime() - start) / 1e9));
        out.println("ratio: Prism / baseline; for times above 1 is slower, for rates below 1 is slower.");
    }

    /** Rows grouped by section, sections in the order they first appear: a part may report into another's. */
    static List<Row> bySection(List<Row> rows) {
        Map<String, List<Row>> sections = new LinkedHashMap<>();
        for (Row r : rows) {
            sections.computeIfAbsent(r.section(), s -> new ArrayList<>()).add(r);
        }
        return sections.values().stream().flatMap(List::stream).toList();
    }

    static String machine(double loadBefore, double loadAfter, double seconds) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
        return String.format(Locale.ROOT, "Machine: Java %s (%s), %s %s, %d cores, %.1f GiB memory; load average "
                + "%.2f before, %.2f after; %.0f s in all", System.getProperty("java.version"),
            System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
            Runtime.getRuntime().availableProcessors(), memory / (double) (1L << 30), loadBefore, loadAfter, seconds);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
