package io.prism.worker;

import io.prism.worker.demo.DemoCommand;
import io.prism.worker.gpucheck.GpuCheckCommand;
import io.prism.worker.node.HeadCommand;
import io.prism.worker.node.WorkerCommand;
import io.prism.worker.repl.ReplCommand;
import io.prism.worker.status.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The {@code prism} command. Each subcommand is its own class, registered here; every one of them reports a
 * failure the same way: one line on stderr and exit code 1 (see {@link OneLineErrors}).
 */
@Command(name = "prism",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prism: actors that ask for a fraction of a GPU, placed on a Pekko cluster.",
    subcommands = {HeadCommand.class, WorkerCommand.class, StatusCommand.class, DemoCommand.class, ReplCommand.class,
        GpuCheckCommand.class, io.prism.worker.simulate.SimulateCommand.class, CommandLine.HelpCommand.class})
public final class PrismCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command line with Prism's error handling, for {@link #main} and for tests that run a command in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PrismCli());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to OneLineErrors; a broken class path (ServiceConfigurationError,
            // NoClassDefFoundError) arrives here and deserves the same one line.
            exit = OneLineErrors.report(e, "prism", new PrintWriter(System.err, true));
        }
        System.exit(exit);
    }

    /** {@code prism} alone names no subcommand: show what there is and fail as a usage error does. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand, e.g. 'prism demo'");
    }
}
