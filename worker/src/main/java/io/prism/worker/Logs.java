package io.prism.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log levels a command sets at run time. A command that prints a report of its own (such as {@code demo}) raises
 * Prism's and Pekko's loggers to WARN so that start-up and shutdown chatter does not break up its output, and
 * lowers both to INFO when asked to be verbose.
 */
public final class Logs {
    /** The logger of Artery's "connection has been aborted" warnings. */
    private static final String CLOSED_CONNECTIONS = "org.apache.pekko.stream.Materializer";
    private Logs() {
    }

    /**
     * Only warnings and errors from Prism and Pekko, for this JVM. A client that leaves a cluster (the REPL's
     * {@code prism} at exit) makes Pekko's stream materializer warn about each connection it closes: errors only.
     */
    public static void quiet() {
        setLevel("io.prism", Level.WARN);
        setLevel("org.apache.pekko", Level.WARN);
        setLevel(CLOSED_CONNECTIONS, Level.ERROR);
    }

    /**
     * Only errors, for a command whose whole output is its answer ({@code status}): a client that leaves makes
     * Pekko warn about each connection it closes.
     */
    public static void silent() {
        setLevel("io.prism", Level.ERROR);
        setLevel("org.apache.pekko", Level.ERROR);
    }

    /** Prism's and Pekko's INFO messages too (Pekko must also be configured with {@code pekko.loglevel = INFO}). */
    public static void verbose() {
        setLevel("io.prism", Level.INFO);
        setLevel("org.apache.pekko", Level.INFO);
    }

    private static void setLevel(String loggerName, Level level) {
        // With another SLF4J backend on the class path (an embedding application's), its own configuration rules.
        if (LoggerFactory.getLogger(loggerName) instanceof Logger logger) {
            logger.setLevel(level);
        }
    }
}
