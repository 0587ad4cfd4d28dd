package io.prism.worker.cluster;

import io.prism.ActorBuilder;
import io.prism.ActorHandle;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Prism;
import io.prism.PrismConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A head that hosts nothing ({@code --gpus none}), workers with simulated GPUs, and this JVM as the driver
 * ({@code Prism.connect}). Closing it closes the driver and kills every process.
 */
final class TestCluster implements AutoCloseable {
    /** Packages whose values the tests send; {@code unlisted} is left out on purpose. */
    static final String ALLOWED_PACKAGES = "io.prism.examples,io.prism.worker.cluster.actors";
    /**
     * Test-only cluster settings, the same in every JVM: failures detected in seconds, not tens of seconds. The
     * heartbeat pause stays at 3 s because a loaded two-core machine delays heartbeats by over 2 s.
     */
    static final Map<String, String> SETTINGS = settings();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    final PrismProcess head;
    final List<PrismProcess> workers;
    final Prism driver;

    private TestCluster(PrismProcess head, List<PrismProcess> workers, Prism driver) {
        this.head = head;
        this.workers = workers;
        this.driver = driver;
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("prism.serialization.allowed-packages", ALLOWED_PACKAGES);
        s.put("pekko.cluster.failure-detector.heartbeat-interval", "500ms");
        s.put("pekko.cluster.failure-detector.acceptable-heartbeat-pause", "3s");
        s.put("pekko.cluster.split-brain-resolver.stable-after", "2s");
        s.put("pekko.cluster.leader-actions-interval", "200ms");
        // a control request sent to a resource manager that just died is lost: give up on it sooner and ask again
        s.put("prism.control-timeout", "10s");
        // several executor JVMs start at once after a GPU fault, on a machine whose two cores other JVMs share
        s.put("prism.executor.start-timeout", "120s");
        return Map.copyOf(s);
    }

    /** {@code -Dkey=value} for each of {@link #SETTINGS}, for child JVMs. */
    static List<String> jvmSettings() {
        return SETTINGS.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * A head with no GPUs and {@code workers} workers, each with {@code workerGpus} and {@code workerArgs}, started
     * side by side.
     */
    static TestCluster start(int workers, String workerGpus, String... workerArgs) {
        PrismProcess head = PrismProcess.head("--gpus", "none");
        List<PrismProcess> started = new ArrayList<>();
        Prism driver = null;
        try {
            head.awaitUp();
            for (int i = 0; i < workers; i++) {
                List<String> args = new ArrayList<>(List.of("--gpus", workerGpus));
                args.addAll(List.of(workerArgs));
                started.add(PrismProcess.worker(head.address(), args.toArray(String[]::new)));
            }
            driver = connect(head.address());
            started.forEach(PrismProcess::awaitUp);
            TestCluster cluster = new TestCluster(head, List.copyOf(started), driver);
            await("all workers registered with the resource manager").atMost(Duration.ofSeconds(30))
                .until(() -> cluster.driver.state().nodes().size() == workers);
            return cluster;
        } catch (RuntimeException | Error e) {
            // a cluster that did not come up is not closed by anyone else
            head.kill();
            started.forEach(PrismProcess::kill);
            if (driver != null) {
                driver.close();
            }
            throw e;
        }
    }

    static Prism connect(String address) {
        PrismConfig.Builder config = PrismConfig.builder().callTimeout(CALL_TIMEOUT);
        SETTINGS.forEach(config::set);
        return Prism.connect(address, config.build());
    }

    PrismProcess worker(String nodeId) {
        return workers.stream().filter(w -> w.nodeId().equals(nodeId)).findFirst()
            .orElseThrow(() -> new AssertionError("no worker " + nodeId + " among " + workers));
    }

    PrismProcess otherWorker(String nodeId) {
        return workers.stream().filter(w -> !w.nodeId().equals(nodeId)).findFirst()
            .orElseThrow(() -> new AssertionError("no worker other than " + nodeId + " among " + workers));
    }

    /** The last lines of every process's output, for assertion messages. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (PrismProcess p : processes()) {
            sb.append("\n--- ").append(p).append(p.isAlive() ? "" : ", exited").append('\n').append(p.tail(30));
        }
        return sb.toString();
    }

    private List<PrismProcess> processes() {
        List<PrismProcess> all = new ArrayList<>();
        all.add(head);
        all.addAll(workers);
        return all;
    }

    /** {@code builder.create()}, failing with every process's last lines when it fails. */
    <A> ActorHandle<A> create(ActorBuilder<A> builder) {
        try {
            return builder.create();
        } catch (RuntimeException e) {
            throw new AssertionError("create() failed: " + e + "; logs:" + logs(), e);
        }
    }

    /** Stops the given actors so that the next test finds the GPUs empty. */
    static void killAll(List<? extends ActorHandle<?>> handles) {
        for (ActorHandle<?> h : handles) {
            h.kill();
        }
        handles.clear();
    }

    /**
     * Invariant 1 and 2 as the driver sees them: no GPU holds more than 10,000 units or its memory, and each GPU's
     * used units are exactly the units of the live actors placed on it (nothing released twice or leaked).
     */
    static void assertLedgerConsistent(ClusterState state) {
        Map<String, Long> byGpu = new LinkedHashMap<>();
        for (ClusterState.Actor a : state.actors()) {
            ActorPlacement p = a.placement();
            if (a.state() == ActorState.ALIVE && p != null) {
                for (int gpu : p.gpus()) {
                    byGpu.merge(p.node() + "/" + gpu, p.unitsPerGpu(), Long::sum);
                }
            }
        }
        for (ClusterState.Node node : state.nodes()) {
            for (ClusterState.GpuState gpu : node.gpus()) {
                String key = node.id() + "/" + gpu.index();
                assertThat(gpu.usedUnits()).as("units used on %s (of 10,000) in %s", key, state)
                    .isBetween(0L, ActorPlacement.UNITS_PER_GPU)
                    .isEqualTo(byGpu.getOrDefault(key, 0L));
                assertThat(gpu.usedMemory()).as("memory used on %s", key).isBetween(0L, gpu.totalMemory());
            }
        }
    }

    /** Node id → ids of its live actors, for messages. */
    static String placements(ClusterState state) {
        return state.actors().stream().filter(a -> a.placement() != null)
            .collect(Collectors.groupingBy(a -> a.placement().node(),
                Collectors.mapping(a -> a.id() + ":" + a.state(), Collectors.toList()))).toString();
    }

    @Override
    public void close() {
        try {
            // leaving takes a gossip round or two; a cluster whose nodes were killed may never confirm it
            CompletableFuture.runAsync(driver::close).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the processes are killed below either way, and the driver's system with this JVM
        } finally {
            processes().forEach(PrismProcess::kill);
        }
    }
}
