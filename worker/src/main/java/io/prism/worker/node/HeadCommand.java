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
 * {@code prism head}: founds a cluster and runs its resource manager. It hosts actors only when given GPUs or CPUs
 * to offer, so a head on a machine without GPUs stays a pure coordinator.
 */
@Command(name = "head",
    description = {
        "Starts the head of a Prism cluster: the seed other nodes join, running the resource manager.",
        "Hosts actors only when given --gpus (other than none) or --cpus. Ctrl-C stops it."})
public final class HeadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions node;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2552",
        description = "Cluster port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Override
    public Integer call() {
        node.check(spec.commandLine(), port);
        boolean hostActors = node.offersResources();
        PrismNode head = PrismNode.start(PrismNode.Role.HEAD, List.of(), hostActors, node.overrides(port));
        String address = head.address();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Prism head up at " + address + (hostActors
            ? " hosting actors on " + head.gpus().description() + ", " + head.settings().cpus() + " CPUs"
            : " (hosts no actors)"));
        out.println("  workers: bin/prism worker --join " + address + " --gpus sim:2x16GiB");
        out.println("  drivers: Prism.connect(\"" + address + "\")  ·  bin/prism status --address " + address);
        out.flush();
        return UntilStopped.await(head, spec.qualifiedName(), spec.commandLine().getErr());
    }
}
