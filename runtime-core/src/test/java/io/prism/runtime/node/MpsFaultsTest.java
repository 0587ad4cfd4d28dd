package io.prism.runtime.node;

import io.prism.resources.device.GpuDevice;
import io.prism.resources.mps.MpsWatch;
import io.prism.resources.mps.MpsWatch.ServerFault;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which GPUs a fault the MPS watch found reaches, and when a FAULT is only the aftermath of one already handled. */
class MpsFaultsTest {
    private static final List<GpuDevice> GPUS = List.of(GpuDevice.simulated(0, 16L << 30),
        GpuDevice.simulated(1, 16L << 30), GpuDevice.simulated(2, 16L << 30));
    /** Executors 100 and 101 on GPU 0, 200 on GPU 1; nothing on GPU 2. */
    private static final Map<Long, List<Integer>> CLIENTS = Map.of(100L, List.of(0), 101L, List.of(0),
        200L, List.of(1));

    @Test
    void aServerFaultReachesTheGpusOfItsClientsThatAreOurs() {
        MpsWatch.Report report = report(new ServerFault(4242, List.of(100L, 101L, 999L),
            ServerFault.Kind.REPORTS_FAULT));

        List<MpsFaults.Stop> stops = MpsFaults.of(report, CLIENTS, GPUS, "n1", false);

        assertThat(stops).singleElement().satisfies(stop -> {
            assertThat(stop.gpus()).containsExactly(0);
            assertThat(stop.event()).startsWith("MPS server 4242 on GPU 0 (" + GPUS.get(0).uuid() + ") faulted: "
                + "it reports FAULT").endsWith("stopping every actor on GPU 0");
            assertThat(stop.why()).contains("MPS server 4242", "node n1");
        });
    }

    @Test
    void aServerServingSeveralGpusReachesEachWithAnEventOfItsOwn() {
        MpsWatch.Report report = report(new ServerFault(4242, List.of(100L, 200L), ServerFault.Kind.EXITED));

        assertThat(MpsFaults.of(report, CLIENTS, GPUS, "n1", false)).extracting(MpsFaults.Stop::gpus)
            .containsExactly(List.of(0), List.of(1));
    }

    @Test
    void aFaultSoonAfterOneHandledHereIsItsAftermathButAServerThatExitedIsNot() {
        MpsWatch.Report report = report(new ServerFault(4242, List.of(200L), ServerFault.Kind.REPORTS_FAULT),
            new ServerFault(4343, List.of(100L), ServerFault.Kind.EXITED));

        assertThat(MpsFaults.of(report, CLIENTS, GPUS, "n1", true)).extracting(MpsFaults.Stop::gpus)
            .containsExactly(List.of(0));
    }

    @Test
    void aLostDaemonReachesEveryGpuOfTheNode() {
        MpsWatch.Report report = new MpsWatch.Report(List.of(), Optional.of("the MPS control daemon is gone"));

        assertThat(MpsFaults.of(report, CLIENTS, GPUS, "n1", true)).singleElement().satisfies(stop -> {
            assertThat(stop.gpus()).containsExactly(0, 1, 2);
            assertThat(stop.event()).contains("the MPS control daemon is gone", "every actor on the GPUs of node n1");
        });
    }

    private static MpsWatch.Report report(ServerFault... faults) {
        return new MpsWatch.Report(List.of(faults), Optional.empty());
    }
}
