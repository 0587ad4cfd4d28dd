package io.prism.worker;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns an exception escaping a subcommand into one line on stderr and exit code 1. A stack trace helps the
 * people who work on Prism, not the person who typed the command, so it is printed only with {@code PRISM_DEBUG=1}.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        return report(exception, commandLine.getCommandSpec().qualifiedName(), commandLine.getErr());
    }

    /** Prints {@code command: message} for {@code failure} (its stack trace too with PRISM_DEBUG=1); returns 1. */
    static int report(Throwable failure, String command, PrintWriter err) {
        Throwable cause = unwrap(failure);
        err.println(command + ": " + describe(cause));
        if ("1".equals(System.getenv("PRISM_DEBUG"))) {
            cause.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
            && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The message, or the class name where there is none (a bare NullPointerException says nothing otherwise). */
    static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getName();
        }
        return message.replace(System.lineSeparator(), " ").replace('\n', ' ');
    }
}
