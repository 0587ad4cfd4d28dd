package io.prism.worker;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A test that runs {@code prism} commands in-process and reads what they printed. */
public abstract class CliTest {
    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    /** Runs {@code prism args...}; returns its exit code. */
    protected int run(String... args) {
        CommandLine cli = PrismCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
