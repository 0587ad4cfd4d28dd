package io.prism.benchmarks.roundtrip;

import java.util.Arrays;

/**
 * How long and how often the comparison measures. The defaults take about four minutes on 2 cores (one JVM) or
 * five (cluster); {@code --quick} under a minute.
 *
 * @param rounds        measured rounds; each runs every phase of every mechanism once, in a rotating order
 * @param seconds       length of one measured phase
 * @param soakSeconds   how long each mechanism first runs at the largest window: Artery's stream stages reach their
 *                      compiled speed only after some 15 s of such load on 2 cores (from under 10,000 to about
 *                      100,000 calls/s for Prism and the raw tell alike), and a shorter warm-up measured the JIT
 * @param warmupSeconds length of one warm-up phase (every phase of every mechanism runs once before measuring)
 * @param windows       calls in flight for the pipelined phases
 * @param creates       actors created in the cluster comparison's creation phase
 * @param createsInFlight creates outstanding at once in that phase
 */
record Settings(int rounds, double seconds, double soakSeconds, double warmupSeconds, int[] windows, int creates, int createsInFlight) {
    static final String USAGE = """
        usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--rounds N] [--seconds S] [--soak S] [--warmup S]
                                                          [--windows W1,W2,...] [--creates N]
                                                          [--creates-in-flight N]
               java -jar benchmarks/target/benchmarks.jar cluster [the same options]   (across two JVMs)
               java -jar benchmarks/target/benchmarks.jar jmh [JMH options, e.g. -h or MethodRefs]
          --quick      about 40 s: 2 rounds of 1 s phases, windows 16 and 1000, 3 s soak
          --rounds     measured rounds (default 5)
          --seconds    seconds per measured phase (default 2)
          --soak       seconds each mechanism first runs at the largest window, until the JIT has compiled
                       its path (default 20)
          --warmup     seconds per warm-up phase after the soak (default 1)
          --windows    calls in flight in the pipelined phases (default 16,256,1000)
          --creates    actors created by the cluster comparison (default 2000, 500 with --quick)
          --creates-in-flight  creates outstanding at once in that phase (default 64)""";

    static Settings parse(String[] args) {
        int rounds = 5;
        double seconds = 2;
        double soak = 20;
        double warmup = 1;
        int[] windows = {16, 256, 1000};
        int creates = 2000;
        boolean createsSet = false;
        int createsInFlight = 64;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                    rounds = 2;
                    seconds = 1;
                    warmup = 0.5;
                    soak = 3;
                    windows = new int[]{16, 1000};
                    creates = createsSet ? creates : 500;
                }
                case "--rounds" -> rounds = positiveInt(a, value(args, ++i, a));
                case "--seconds" -> seconds = positiveSeconds(a, value(args, ++i, a));
                case "--soak" -> soak = positiveSeconds(a, value(args, ++i, a));
                case "--warmup" -> warmup = positiveSeconds(a, value(args, ++i, a));
                case "--windows" -> windows = windows(value(args, ++i, a));
                case "--creates" -> {
                    creates = positiveInt(a, value(args, ++i, a));
                    createsSet = true;
                }
                case "--creates-in-flight" -> createsInFlight = positiveInt(a, value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new Settings(rounds, seconds, soak, warmup, windows, creates, createsInFlight);
    }

    long phaseNanos() {
        return (long) (seconds * 1e9);
    }

    long soakNanos() {
        return (long) (soakSeconds * 1e9);
    }

    long warmupNanos() {
        return (long) (warmupSeconds * 1e9);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positiveInt(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the value and what would be right
        }
        throw new IllegalArgumentException(option + " " + text + ": use a whole number above 0, such as 5");
    }

    private static double positiveSeconds(String option, String text) {
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s <= 600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below with the value and what would be right
        }
        throw new IllegalArgumentException(option + " " + text + ": use seconds above 0 and at most 600, such as 2 "
            + "or 0.5");
    }

    private static int[] windows(String text) {
        try {
            int[] w = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (w.length > 0 && Arrays.stream(w).allMatch(n -> n > 0 && n <= 100_000)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below with the value and what would be right
        }
        throw new IllegalArgumentException("--windows " + text + ": use calls in flight from 1 to 100000, separated "
            + "by commas, such as 16,256,1000");
    }
}
