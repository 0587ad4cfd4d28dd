package io.prism.worker.node;

import io.prism.runtime.PrismNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code prism worker}: joins a cluster and offers this machine's GPUs and CPUs for actors. Ctrl-C leaves
 * gracefully: the resource manager moves the worker's actors to other nodes before the process exits.
 */
@Command(name = "worker",
    description = {
        "Joins a Prism cluster and hosts actors on this machine's GPUs (detected, or simulated) and CPUs.",
        "Ctrl-C leaves gracefully: its actors are moved to other nodes first."})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions node;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true, split = ",",
        description = "Address of the head (as bin/prism head prints it); several, comma-separated, for failover.")
    private List<String> join;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
        description = "Cluster port of this worker; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Override
    public Integer call() {
        node.check(spec.commandLine(), port);
        PrismNode worker = PrismNode.start(PrismNode.Role.WORKER, join, true, node.overrides(port));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Prism worker " + worker.nodeId() + " joined " + String.join(",", join) + " at " + worker.address()
            + " with " + worker.gpus().description() + ", " + worker.settings().cpus() + " CPUs");
        out.flush();
        return UntilStopped.await(worker, spec.qualifiedName(), spec.commandLine().getErr());
    }
}
