package io.prism.worker.cluster;

import io.prism.ActorHandle;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.worker.cluster.actors.Probe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Process isolation on simulated GPUs: every GPU actor runs in an executor process of its own, started with the
 * MPS settings of its share; an executor that dies is restarted, a GPU fault stops every actor on that GPU and
 * only there, and a worker killed with {@code kill -9} leaves no executor behind.
 */
@Order(Order.DEFAULT + 7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorProcessTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = ClusterExtension.own(1, "sim:2x16GiB", "--isolation", "process");
    private static final Duration RESTART = Duration.ofSeconds(150);

    private static final List<ActorHandle<Probe>> QUARTERS = new ArrayList<>();
    private static ActorHandle<Probe> half;

    @Test
    @Order(1)
    void everyGpuActorIsAnExecutorProcessStartedWithTheMpsSettingsOfItsShare() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        PrismProcess worker = cluster.workers.get(0);
        for (int i = 0; i < 4; i++) {
            QUARTERS.add(cluster.create(cluster.driver.actor(Probe::new).name("quarter-" + i).maxRestarts(2)));
        }
        half = cluster.create(cluster.driver.actor(Probe::new).name("half").gpu(0.5).maxRestarts(2));

        Set<Long> pids = new HashSet<>();
        for (ActorHandle<Probe> q : QUARTERS) {
            assertThat(q.placement().isolation()).isEqualTo(Isolation.PROCESS);
            assertThat(q.placement().gpuIndex()).isEqualTo(0);
            assertThat(q.call(Probe::cudaEnvironment).get(30, TimeUnit.SECONDS)).containsAllEntriesOf(Map.of(
                "CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "25",
                "CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=4096M",
                "CUDA_VISIBLE_DEVICES", "0"));
            pids.add(q.call(Probe::pid).get(30, TimeUnit.SECONDS));
        }
        assertThat(half.placement().gpuIndex()).isEqualTo(1);
        assertThat(half.call(Probe::cudaEnvironment).get(30, TimeUnit.SECONDS)).containsAllEntriesOf(Map.of(
            "CUDA_MPS_ACTIVE_THREAD_PERCENTAGE", "50",
            "CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=8192M",
            "CUDA_VISIBLE_DEVICES", "1"));
        pids.add(half.call(Probe::pid).get(30, TimeUnit.SECONDS));

        assertThat(pids).as("one process per actor, none of them the worker").hasSize(5)
            .doesNotContain(worker.pid());
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).flatMap(p -> p.parent())
            .map(ProcessHandle::pid)).as("executor %d's parent", pid).contains(worker.pid()));

        ClusterState state = cluster.driver.state();
        assertThat(state.actors()).filteredOn(a -> a.state() == ActorState.ALIVE).extracting(ClusterState.Actor::pid)
            .as("status shows each actor's executor").containsExactlyInAnyOrderElementsOf(pids);
        ClusterState.Node node = state.nodes().get(0);
        assertThat(node.isolation()).isEqualTo(Isolation.PROCESS);
        assertThat(node.isolationDetail()).contains("executor process", "no MPS");
    }

    @Test
    @Order(2)
    void anExecutorKilledByTheOsIsRestartedInANewProcess() throws Exception {
        ActorHandle<Probe> victim = QUARTERS.get(0);
        long pid = victim.call(Probe::pid).get(30, TimeUnit.SECONDS);
        long otherPid = QUARTERS.get(1).call(Probe::pid).get(30, TimeUnit.SECONDS);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await("quarter-0 answering from a new executor").atMost(RESTART).pollInterval(Duration.ofMillis(200))
            .until(() -> victim.call(Probe::pid).handle((p, e) -> p != null && p != pid).get(30, TimeUnit.SECONDS));
        assertThat(QUARTERS.get(1).call(Probe::pid).get(30, TimeUnit.SECONDS)).as("a neighbour untouched")
            .isEqualTo(otherPid);
        ClusterState.Actor state = actor(CLUSTER.cluster().driver.state(), "quarter-0");
        assertThat(state.restarts()).isEqualTo(1);
        assertThat(state.state()).isEqualTo(ActorState.ALIVE);
    }

    @Test
    @Order(3)
    void aGpuFaultRestartsEveryActorOnThatGpuAndNoOther() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        Map<String, Long> before = new HashMap<>();
        for (ActorHandle<Probe> q : QUARTERS) {
            before.put(q.id().value(), q.call(Probe::pid).get(30, TimeUnit.SECONDS));
        }
        long halfPid = half.call(Probe::pid).get(30, TimeUnit.SECONDS);
        long workerPid = cluster.workers.get(0).pid();
        Set<Long> hosting = new HashSet<>(before.values());
        hosting.add(halfPid);
        // a spare that was handed an actor keeps its --spare argument: only the idle ones count
        Map<Long, String> spares = await("a spare executor waiting on each GPU").atMost(RESTART)
            .until(() -> spareGpus(workerPid, hosting), found -> found.containsValue("0") && found.containsValue("1"));

        assertThat(QUARTERS.get(2).call(Probe::faultGpu)).failsWithin(Duration.ofSeconds(30));

        for (ActorHandle<Probe> q : QUARTERS) {
            long old = before.get(q.id().value());
            await(q.id() + " answering from a new executor after the fault").atMost(RESTART)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> q.call(Probe::pid).handle((p, e) -> p != null && p != old).get(30, TimeUnit.SECONDS));
        }
        assertThat(half.call(Probe::pid).get(30, TimeUnit.SECONDS)).as("the actor on GPU 1").isEqualTo(halfPid);
        Set<Long> hosts = new HashSet<>();
        for (ActorHandle<Probe> q : QUARTERS) {
            hosts.add(q.call(Probe::pid).get(30, TimeUnit.SECONDS));
        }
        spares.forEach((pid, gpu) -> {
            if (gpu.equals("0")) {
                // on a real GPU a spare is an MPS client of the faulted server: it goes, and hosts no restarted actor
                await("spare " + pid + " of GPU 0 gone").atMost(Duration.ofSeconds(30)).until(() -> !running(pid));
                assertThat(hosts).as("restarted actors' executors").doesNotContain(pid);
            } else {
                assertThat(running(pid)).as("spare %d of GPU 1 left alone", pid).isTrue();
            }
        });
        ClusterState state = cluster.driver.state();
        assertThat(state.events()).anySatisfy(e -> assertThat(e.message())
            .contains("GPU 0 fault", "CUDA_ERROR_ILLEGAL_ADDRESS"));
        TestCluster.assertLedgerConsistent(state);
    }

    @Test
    @Order(4)
    void aWorkerKilledWithSigkillTakesItsExecutorsWithIt() throws Exception {
        TestCluster cluster = CLUSTER.cluster();
        List<Long> executors = new ArrayList<>();
        for (ActorHandle<Probe> q : QUARTERS) {
            executors.add(q.call(Probe::pid).get(30, TimeUnit.SECONDS));
        }
        executors.add(half.call(Probe::pid).get(30, TimeUnit.SECONDS));

        cluster.workers.get(0).kill();

        await("no executor outlives its worker").atMost(Duration.ofSeconds(30))
            .until(() -> executors.stream().noneMatch(ExecutorProcessTest::running));
    }

    /** The worker's idle spares that are running, and the GPU each was started for ({@code CUDA_VISIBLE_DEVICES}). */
    private static Map<Long, String> spareGpus(long workerPid, Set<Long> hosting) {
        Map<Long, String> spares = new HashMap<>();
        ProcessHandle.of(workerPid).stream().flatMap(ProcessHandle::children)
            .filter(p -> running(p.pid()) && !hosting.contains(p.pid()) && proc(p.pid(), "cmdline").contains("--spare"))
            .forEach(p -> proc(p.pid(), "environ").stream().filter(v -> v.startsWith("CUDA_VISIBLE_DEVICES="))
                .findFirst().ifPresent(v -> spares.put(p.pid(), v.substring(v.indexOf('=') + 1))));
        return spares;
    }

    /**
     * A process's {@code /proc} list ({@code cmdline}, {@code environ}); empty once it is gone. ProcessHandle's
     * arguments are empty for command lines as long as an executor's with a test class path.
     */
    private static List<String> proc(long pid, String file) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(pid), file)).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Running, as the kernel sees it: an exited process that nobody has reaped yet (a zombie) is not. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static ClusterState.Actor actor(ClusterState state, String name) {
        return state.actors().stream().filter(a -> name.equals(a.name())).findFirst()
            .orElseThrow(() -> new AssertionError("no actor named " + name + " in " + state));
    }
}
