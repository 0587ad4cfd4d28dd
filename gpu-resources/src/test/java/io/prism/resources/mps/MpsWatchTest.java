package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prism.resources.mps.MpsWatch.ServerFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The watch against the fake control daemon: faults no client call reports are found; a balky daemon is not one. */
@Timeout(30)
class MpsWatchTest {
    private static final long SELF = ProcessHandle.current().pid();
    /** Above any Linux pid_max: a client that has exited. */
    private static final long EXITED = 99_999_999L;

    @RegisterExtension
    final FakeMpsControl fake = new FakeMpsControl();

    @Test
    void aServerThatReportsFaultIsReportedWithItsClientsAndTheOthersAreNot() {
        MpsSettings settings = fake.settings("ok", Map.of("FAKE_MPS_SERVERS", "4242 4343",
            "FAKE_MPS_CLIENTS_4242", "101 102", "FAKE_MPS_CLIENTS_4343", "201"));
        try (MpsController controller = started(settings)) {
            MpsWatch watch = new MpsWatch(controller, Duration.ofSeconds(1));
            assertThat(watch.poll()).isEqualTo(MpsWatch.Report.NONE);

            fake.report(settings, "status-4242", "FAULT");

            MpsWatch.Report report = watch.poll();
            assertThat(report.faults()).containsExactly(
                new ServerFault(4242, List.of(101L, 102L), ServerFault.Kind.REPORTS_FAULT));
            assertThat(report.faults().get(0).reason()).contains("reports FAULT", "2 clients");
            assertThat(report.daemonLost()).isEmpty();
            assertThat(fake.calls(settings)).contains("stdin: get_server_status 4242", "stdin: get_server_status 4343");

            fake.report(settings, "status-4242", "ACTIVE");
            assertThat(watch.poll()).as("recovered: its faulted clients are gone").isEqualTo(MpsWatch.Report.NONE);
        }
    }

    @Test
    void aServerThatVanishesIsAFaultOnlyWhileSomeOfItsClientsStillRun() {
        MpsSettings settings = fake.settings("ok", Map.of("FAKE_MPS_SERVERS", "4242 4343",
            "FAKE_MPS_CLIENTS_4242", SELF + " " + EXITED, "FAKE_MPS_CLIENTS_4343", Long.toString(EXITED)));
        try (MpsController controller = started(settings)) {
            MpsWatch watch = new MpsWatch(controller, Duration.ofSeconds(1));
            assertThat(watch.poll()).isEqualTo(MpsWatch.Report.NONE);

            fake.report(settings, "servers", "");

            assertThat(watch.poll().faults()).as("4343's only client had exited: it went away idle")
                .containsExactly(new ServerFault(4242, List.of(SELF), ServerFault.Kind.EXITED));
            assertThat(watch.poll()).as("reported once").isEqualTo(MpsWatch.Report.NONE);
        }
    }

    @Test
    void commandsThatTimeOutOrAnswerNonsenseAreNoFaultAndTheWatchGoesOn() {
        MpsSettings settings = fake.settings("ok", Map.of("FAKE_MPS_SERVERS", "4242",
            "FAKE_MPS_CLIENTS_4242", "101")).withTimeouts(Duration.ofSeconds(1), FakeMpsControl.AMPLE,
            FakeMpsControl.AMPLE);
        try (MpsController controller = started(settings)) {
            MpsWatch watch = new MpsWatch(controller, Duration.ofSeconds(1));

            fake.report(settings, "status-4242", "Unrecognized command: get_server_status");
            assertThat(watch.poll()).as("a driver without get_server_status").isEqualTo(MpsWatch.Report.NONE);

            fake.report(settings, "mode", "hang");
            assertThat(watch.poll()).as("a daemon that does not answer").isEqualTo(MpsWatch.Report.NONE);
            assertThat(watch.poll()).isEqualTo(MpsWatch.Report.NONE);
            assertThat(controller.isRunning()).as("a slow daemon is not a dead one").isTrue();

            fake.report(settings, "mode", "ok");
            fake.report(settings, "status-4242", "FAULT");
            assertThat(watch.poll().faults()).as("watching on")
                .containsExactly(new ServerFault(4242, List.of(101L), ServerFault.Kind.REPORTS_FAULT));
        }
    }

    @Test
    void aDaemonThatDiesIsReportedOnceAndStartedAgain() {
        MpsSettings settings = fake.settings("ok");
        try (MpsController controller = started(settings)) {
            MpsWatch watch = new MpsWatch(controller, Duration.ofSeconds(1));
            long pid = controller.daemonPid().orElseThrow();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await("the daemon gone").atMost(Duration.ofSeconds(10)).until(() -> !Processes.running(pid));

            MpsWatch.Report report = watch.poll();
            assertThat(report.daemonLost()).hasValueSatisfying(lost -> assertThat(lost)
                .contains("MPS control daemon (pid " + pid + ") is gone", "restarted it"));
            long again = controller.daemonPid().orElseThrow();
            assertThat(again).isNotEqualTo(pid);
            assertThat(Processes.running(again)).isTrue();
            assertThat(fake.calls(settings)).as("started with its defaults again").containsSubsequence("argv: -d",
                "argv: -d", "stdin: set_default_active_thread_percentage 100");
            assertThat(watch.poll()).isEqualTo(MpsWatch.Report.NONE);
        }
    }

    @Test
    void aDaemonItsNodeStoppedIsNotLostAndNotStartedAgain() {
        MpsSettings settings = fake.settings("ok");
        MpsController controller = started(settings);
        MpsWatch watch = new MpsWatch(controller, Duration.ofSeconds(1));

        controller.close();

        assertThat(watch.poll()).isEqualTo(MpsWatch.Report.NONE);
        assertThat(controller.isRunning()).isFalse();
        assertThatThrownBy(controller::restart).isInstanceOf(MpsException.class)
            .hasMessageContaining("closed with its node");
        assertThat(fake.calls(settings)).filteredOn("argv: -d"::equals).hasSize(1);
    }

    private static MpsController started(MpsSettings settings) {
        MpsController controller = MpsController.create(settings);
        controller.start();
        return controller;
    }
}
