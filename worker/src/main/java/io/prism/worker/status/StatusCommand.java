package io.prism.worker.status;

import io.prism.ClusterState;
import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.worker.Logs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code prism status}: joins the cluster as a client just long enough to read its state, prints it, and leaves.
 * It gives up sooner than a driver would (10 s), since a person is waiting at the prompt.
 */
@Command(name = "status",
    description = {
        "Shows a running Prism cluster: nodes, each GPU's used share and the actors on it, actors, pending requests.",
        "Joins as a client for the moment it takes, then leaves."})
public final class StatusCommand implements Callable<Integer> {
    static final String JOIN_TIMEOUT = "10s";

    @Spec
    private CommandSpec spec;

    @Option(names = "--address", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:2552",
        description = "A node of the cluster, e.g. the head as bin/prism head prints it (default: ${DEFAULT-VALUE}).")
    private String address;

    @Option(names = "--json", description = "Print the cluster state as JSON, and nothing else on stdout.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        Logs.silent();
        PrismConfig config = PrismConfig.builder().set("prism.join-timeout", JOIN_TIMEOUT).build();
        ClusterState state;
        try (Prism prism = Prism.connect(address, config)) {
            state = prism.state();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StatusJson.of(state));
        } else {
            StatusReport.lines(address, state).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
