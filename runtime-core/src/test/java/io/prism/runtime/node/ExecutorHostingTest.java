package io.prism.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.prism.ActorId;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.resources.mps.MpsClientEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spare executors against the clients MPS serves on a real GPU: each spare readies its CUDA context, so it is a
 * client, and a GPU at the limit gets no more; a GPU fault takes its spares. The processes are stand-ins ({@code
 * cat}, alive until killed) and the limit is 2 instead of 48, so what is checked is the agent's bookkeeping.
 */
class ExecutorHostingTest {
    private static final ActorTestKit TESTKIT = ActorTestKit.create();
    private static final int MAX_CLIENTS = 2;

    private final StandIns processes = new StandIns();

    @AfterAll
    static void stopTestkit() {
        TESTKIT.shutdownTestKit();
    }

    @AfterEach
    void killStandIns() {
        processes.launched.forEach(l -> l.process().destroyForcibly());
    }

    @Test
    void aRealGpuGetsPrestartedSparesOnlyUpToTheMpsClientLimitAndTheNextGpuStillGetsItsOwn() {
        inAgent(hosting -> hosting.prestart(List.of(real(0), real(1))));

        assertThat(processes.launched).as("three shares on two GPUs, at most two clients each").hasSize(4);
        assertThat(processes.launched).filteredOn(l -> l.gpu().equals(uuid(0))).hasSize(2);
        assertThat(processes.launched).filteredOn(l -> l.gpu().equals(uuid(1))).hasSize(2);
        assertThat(processes.launched).allSatisfy(l -> {
            assertThat(l.spare()).isTrue();
            assertThat(l.environment()).containsEntry(ExecutorMain.GPU_ENV, ExecutorMain.CUDA);
        });
    }

    @Test
    void simulatedGpusHaveNoMpsClientsSoEveryPrestartedShareGetsItsSpare() {
        inAgent(hosting -> hosting.prestart(List.of(GpuDevice.simulated(0, 16L << 30),
            GpuDevice.simulated(1, 16L << 30))));

        assertThat(processes.launched).hasSize(6);
        assertThat(processes.launched).allSatisfy(l ->
            assertThat(l.environment()).doesNotContainKey(ExecutorMain.GPU_ENV));
    }

    @Test
    void aGpuFaultKillsThatGpusSparesAndLeavesTheOtherGpusSparesWaiting() {
        CompletableFuture<Map<Long, List<Integer>>> sparesAfter = new CompletableFuture<>();
        inAgent(hosting -> {
            hosting.prestart(List.of(real(0), real(1)));
            hosting.killSpares(0);
            sparesAfter.complete(hosting.spareGpus());
        });

        List<StandIns.Launched> gpu0 = processes.launched.stream().filter(l -> l.gpu().equals(uuid(0))).toList();
        List<StandIns.Launched> gpu1 = processes.launched.stream().filter(l -> l.gpu().equals(uuid(1))).toList();
        assertThat(gpu0).hasSize(2);
        await("GPU 0's spares killed").atMost(Duration.ofSeconds(10))
            .until(() -> gpu0.stream().noneMatch(l -> l.process().isAlive()));
        assertThat(gpu1).hasSize(2).allSatisfy(l -> assertThat(l.process().isAlive()).isTrue());
        assertThat(sparesAfter.join()).as("the spares the MPS watch counts as clients")
            .containsOnlyKeys(gpu1.stream().map(l -> l.process().pid()).toList())
            .allSatisfy((pid, gpus) -> assertThat(gpus).containsExactly(1));
    }

    @Test
    void aNewExecutorOnAGpuAtTheLimitTakesTheLeastRecentlyUsedSparesPlace() {
        inAgent(hosting -> {
            hosting.prestart(List.of(real(0)));
            hosting.start(key(), hosted(7_500), real(0));
        });

        assertThat(processes.launched).hasSize(3);
        StandIns.Launched quarter = processes.launched.get(0);
        StandIns.Launched half = processes.launched.get(1);
        StandIns.Launched forActor = processes.launched.get(2);
        assertThat(quarter.environment()).containsEntry(MpsClientEnvironment.ACTIVE_THREAD_PERCENTAGE, "25");
        assertThat(forActor.spare()).isFalse();
        assertThat(forActor.environment()).containsEntry(MpsClientEnvironment.ACTIVE_THREAD_PERCENTAGE, "75");
        await("the 0.25 spare, used least recently, killed").atMost(Duration.ofSeconds(10))
            .until(() -> !quarter.process().isAlive());
        assertThat(half.process().isAlive()).as("the 0.5 spare still waiting").isTrue();
    }

    private static AllocationKey key() {
        return new AllocationKey(ActorId.random(), 0);
    }

    /** An incarnation to host on GPU 0 with {@code units} of its 10,000. */
    private static NodeAgent.Hosted hosted(long units) {
        Allocation allocation = new Allocation(key(), List.of(0), units, 1L << 30, 0);
        return new NodeAgent.Hosted(new NodeAgent.StartActor(null, 0, 0, allocation, null));
    }

    /** Runs {@code scenario} on an agent's thread, as the node agent calls ExecutorHosting, and waits for it. */
    private void inAgent(Scenario scenario) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        TESTKIT.spawn(Behaviors.<NodeAgent.Command>setup(ctx -> {
            try {
                scenario.run(new ExecutorHosting(ctx, processes, null, MAX_CLIENTS));
                done.complete(null);
            } catch (Exception | AssertionError e) {
                done.completeExceptionally(e);
            }
            return Behaviors.ignore();
        }));
        done.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @FunctionalInterface
    private interface Scenario {
        void run(ExecutorHosting hosting) throws Exception;
    }

    private static GpuDevice real(int index) {
        return new GpuDevice(index, uuid(index), "Test GPU", 80L << 30, 132, false);
    }

    private static String uuid(int index) {
        return "GPU-00000000-0000-0000-0000-00000000000" + index;
    }

    /** Starts {@code cat} for each executor, which lives until it is killed, and records how it was asked. */
    private static final class StandIns implements ExecutorProcesses {
        record Launched(String id, Map<String, String> environment, boolean spare, Process process) {
            String gpu() {
                return environment.get(MpsClientEnvironment.VISIBLE_DEVICES);
            }
        }

        final List<Launched> launched = new CopyOnWriteArrayList<>();
        private final ExecutorLauncher.Settings settings = ExecutorLauncher.Settings.from(ConfigFactory
            .parseString("executor { prestart = [0.25, 0.5, 0.75], max-spares = 8 }")
            .withFallback(ConfigFactory.load().getConfig("prism")), "test-node");

        @Override
        public ExecutorLauncher.Settings settings() {
            return settings;
        }

        @Override
        public Process launch(String launchId, String agentPath, Map<String, String> environment, boolean spare)
            throws IOException {
            Process process = new ProcessBuilder("cat").start();
            launched.add(new Launched(launchId, environment, spare, process));
            return process;
        }

        @Override
        public Path logFile(String launchId) {
            return Path.of("executor-" + launchId + ".log");
        }
    }
}
