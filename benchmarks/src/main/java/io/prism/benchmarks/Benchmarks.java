package io.prism.benchmarks;

import io.prism.benchmarks.executor.ExecutorStart;
import io.prism.benchmarks.roundtrip.ClusterComparison;
import io.prism.benchmarks.roundtrip.RoundTripComparison;

import java.util.Arrays;

/**
 * The jar's entry point: with no subcommand, the Prism-against-Pekko comparison in one JVM; {@code cluster ...} the
 * same across two JVMs; {@code executor-start} the start of an executor process; {@code jmh ...} hands the rest of the arguments to JMH, whose forks run from this same jar.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            String[] rest = new String[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            org.openjdk.jmh.Main.main(rest);
            return;
        }
        if (args.length > 0 && args[0].equals("executor-start")) {
            ExecutorStart.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("cluster")) {
            ClusterComparison.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        RoundTripComparison.main(args);
    }
}
