package io.prism.benchmarks.all;

import io.prism.benchmarks.Benchmarks;

/**
 * The main class of every part's JVM: runs one {@link Benchmarks} subcommand and exits, with 1 and one line that
 * says why when it throws. Exiting matters: a part that throws with an actor system still up would otherwise keep
 * its JVM alive on Pekko's threads until the runner's timeout.
 */
public final class PartMain {
    /** How the line that says why a part failed starts; {@link PartRunner} looks for it in the part's log. */
    static final String FAILED = "benchmark part failed: ";

    private PartMain() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            Benchmarks.main(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.flush();
            System.err.println(FAILED + describe(e));
            status = 1;
        }
        System.err.flush();
        System.exit(status);
    }

    /** "IllegalStateException: its first line", with the cause's when there is one. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String text = e.getClass().getSimpleName() + message;
        Throwable cause = e.getCause();
        return cause == null || cause == e ? text : text + " (caused by " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("")) + ")";
    }
}
