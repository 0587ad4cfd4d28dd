package io.prism.worker.simulate;

import io.prism.PlacementStrategy;
import io.prism.resources.device.MemorySize;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.sim.PolicyResult;
import io.prism.runtime.placement.sim.SimulatedCluster;
import io.prism.runtime.placement.sim.Simulation;
import io.prism.runtime.placement.sim.Traces;
import io.prism.runtime.placement.sim.Workload;
import io.prism.runtime.placement.sim.WorkloadException;
import io.prism.runtime.placement.sim.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code prism simulate}: replays a workload on a simulated cluster through the resource manager's scheduler, once
 * per policy, and compares the GPUs each uses with the lower bound and with one GPU per actor. Bad options and
 * workloads are usage errors (exit code 2) naming the value; a long run reports progress on stderr.
 */
@Command(name = "simulate",
    description = "Replays a workload on a simulated cluster through Prism's placement policies and prints, per "
        + "policy, the actors placed and pending, GPUs used against the lower bound ⌈Σ fractions⌉ and against one GPU "
        + "per actor, and the time each placement decision took. Workloads: --workload, --random or --trace; add "
        + "--arrival-rate and --lifetime for actors that come and go.")
public final class SimulateCommand implements Callable<Integer> {
    /** Progress goes to stderr at most this often, and only once a run has taken this long. */
    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", required = true, description = "Nodes of the simulated cluster.")
    private int nodes;

    @Option(names = "--gpus-per-node", paramLabel = "G", required = true, description = "GPUs on each node.")
    private int gpusPerNode;

    @Option(names = "--gpu-memory", paramLabel = "SIZE", defaultValue = "80GiB",
        description = "Memory of each GPU (default: ${DEFAULT-VALUE}).")
    private String gpuMemory;

    @Option(names = "--workload", paramLabel = "SPEC",
        description = "Actors as COUNTxGPUS items with an optional memory budget, arriving in that order: "
            + "\"80x0.18,10x0.5:20GiB,4x1\".")
    private String workload;

    @Option(names = "--random", paramLabel = "N", description = "N actors drawn at random from --mix.")
    private Integer random;

    @Option(names = "--mix", paramLabel = "GPUS,...", defaultValue = "0.1,0.25,0.5,1",
        description = "GPU shares --random draws from, equally likely, each with an optional :MEMORY "
            + "(default: ${DEFAULT-VALUE}).")
    private String mix;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Seed of --random and of churn (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--trace", paramLabel = "FILE",
        description = "A CSV trace: time,actor,event,gpus,memory with event arrive or depart (see the README).")
    private Path trace;

    @Option(names = "--arrival-rate", paramLabel = "PER_S",
        description = "Churn: actors arrive as a Poisson process of this many per simulated second.")
    private Double arrivalRate;

    @Option(names = "--lifetime", paramLabel = "SECONDS",
        description = "Churn: mean time an actor stays (exponential); the run ends at the last arrival.")
    private Double lifetime;

    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "pack,spread",
        description = "Policies to compare, repeated or comma-separated: pack, spread (default: ${DEFAULT-VALUE}).")
    private List<String> policies;

    @Option(names = "--json", description = "Print the results as JSON, and nothing else on stdout.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        SimulatedCluster cluster = cluster();
        List<PlacementStrategy> strategies = strategies();
        Workload work = workload();
        Simulation simulation = new Simulation(cluster);
        try {
            simulation.check(work);
        } catch (WorkloadException e) {
            throw usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<PolicyResult> results = new ArrayList<>(strategies.size());
        for (PlacementStrategy strategy : strategies) {
            simulation.warmUp(work, strategy);
            results.add(simulation.run(work, strategy, progress(err)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SimulationReport.json(cluster, work, results));
        } else {
            SimulationReport.lines(cluster, work, results).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    private SimulatedCluster cluster() {
        if (nodes < 1) {
            throw usage("--nodes " + nodes + ": must be at least 1");
        }
        if (gpusPerNode < 1) {
            throw usage("--gpus-per-node " + gpusPerNode + ": must be at least 1");
        }
        long memory;
        try {
            memory = MemorySize.parse(gpuMemory);
        } catch (IllegalArgumentException e) {
            throw usage("--gpu-memory: " + e.getMessage());
        }
        return new SimulatedCluster(nodes, gpusPerNode, memory);
    }

    private List<PlacementStrategy> strategies() {
        Set<PlacementStrategy> chosen = new LinkedHashSet<>();
        for (String name : policies) {
            try {
                chosen.add(PlacementStrategy.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw usage("--policy " + name + ": unknown policy (use pack or spread, or both: pack,spread)");
            }
        }
        return List.copyOf(chosen);
    }

    private Workload workload() {
        int given = (workload != null ? 1 : 0) + (random != null ? 1 : 0) + (trace != null ? 1 : 0);
        if (given != 1) {
            throw usage((given == 0 ? "no workload" : "more than one workload") + ": give exactly one of --workload "
                + "SPEC, --random N or --trace FILE");
        }
        if ((arrivalRate == null) != (lifetime == null)) {
            throw usage("churn needs both --arrival-rate and --lifetime (or neither, for actors that all arrive at "
                + "once and stay)");
        }
        if (trace != null) {
            if (arrivalRate != null) {
                throw usage("--arrival-rate and --lifetime do not apply to --trace, whose times are in the file");
            }
            return readTrace();
        }
        List<ResourceShape> shapes;
        String description;
        if (workload != null) {
            shapes = parsed("--workload \"" + workload + "\"", () -> Workloads.compact(workload));
            description = workload;
        } else {
            List<ResourceShape> from = parsed("--mix \"" + mix + "\"", () -> Workloads.mix(mix));
            shapes = parsed("--random " + random, () -> Workloads.random(random, from, seed));
            description = "random " + random + " of " + mix + " (seed " + seed + ")";
        }
        if (arrivalRate == null) {
            return Workloads.atOnce(description + ", all at once", shapes);
        }
        String churn = description + ", arriving " + arrivalRate + "/s, staying " + lifetime + " s on average";
        return parsed("--arrival-rate " + arrivalRate + " --lifetime " + lifetime,
            () -> Workloads.churn(churn, shapes, arrivalRate, lifetime, seed));
    }

    /** What {@code parse} returns, or a usage error naming {@code option} and what was wrong with it. */
    private <T> T parsed(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (WorkloadException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private Workload readTrace() {
        try (Reader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            return Traces.read(reader, trace.toString());
        } catch (NoSuchFileException e) {
            throw usage("--trace " + trace + ": no such file");
        } catch (IOException e) {
            throw usage("--trace " + trace + ": cannot be read: " + e.getMessage());
        } catch (WorkloadException e) {
            throw usage(e.getMessage());
        }
    }

    /** Lines on stderr once a run has taken a while, then every few seconds. */
    private static Simulation.Progress progress(PrintWriter err) {
        long start = System.nanoTime();
        long[] next = {start + PROGRESS_INTERVAL_NANOS};
        return (policy, done, total) -> {
            long now = System.nanoTime();
            if (now - next[0] >= 0 && done < total) {
                err.printf(Locale.ROOT, "simulate: %s %,d of %,d events (%d%%)%n", policy, done, total,
                    100L * done / total);
                err.flush();
                next[0] = now + PROGRESS_INTERVAL_NANOS;
            }
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
