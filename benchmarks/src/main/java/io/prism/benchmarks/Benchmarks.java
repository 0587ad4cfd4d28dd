package io.prism.benchmarks;

import io.prism.benchmarks.actors.CreationRate;
import io.prism.benchmarks.all.AllBenchmarks;
import io.prism.benchmarks.executor.ExecutorStart;
import io.prism.benchmarks.memory.MemoryUse;
import io.prism.benchmarks.placement.PlacementSpeed;
import io.prism.benchmarks.roundtrip.ClusterComparison;
import io.prism.benchmarks.roundtrip.RoundTripComparison;

import java.util.Arrays;

/**
 * The jar's entry point: with no subcommand, the Prism-against-Pekko comparison in one JVM; {@code cluster ...} the
 * same across two JVMs; {@code creation}, {@code executor-start}, {@code placement} and {@code memory} one figure
 * each against its baseline; {@code all} every one of them and one table; {@code jmh ...} hands the rest of the
 * arguments to JMH, whose forks run from this same jar.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "all" -> AllBenchmarks.main(rest);
            case "cluster" -> ClusterComparison.main(rest);
            case "creation" -> CreationRate.main(rest);
            case "executor-start" -> ExecutorStart.main(rest);
            case "placement" -> PlacementSpeed.main(rest);
            case "memory" -> MemoryUse.main(rest);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> RoundTripComparison.main(args);
        }
    }
}
