package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class MpsControllerTest {
    @RegisterExtension
    final FakeMpsControl fake = new FakeMpsControl();

    @Test
    void startsTheDaemonInTheNodesOwnDirectoriesChecksItSetsDefaultsAndQuits() throws Exception {
        MpsSettings settings = fake.settings("ok");
        MpsController controller = MpsController.create(settings);

        controller.start();

        assertThat(controller.isRunning()).isTrue();
        long pid = controller.daemonPid().orElseThrow();
        assertThat(Processes.running(pid)).isTrue();
        assertThat(Files.readString(settings.pipeDirectory().resolve("nvidia-cuda-mps-control.pid")).strip())
            .isEqualTo(Long.toString(pid));
        assertThat(settings.pipeDirectory()).isEqualTo(fake.dir.resolve("node/mps/pipe"));
        assertThat(settings.logDirectory().resolve("control.log")).content().contains("Starting control daemon");
        assertThat(fake.calls(settings)).startsWith("argv: -d", "argv:", "stdin: get_server_list")
            .containsSubsequence("stdin: set_default_active_thread_percentage 100",
                "stdin: get_default_active_thread_percentage");

        controller.stop();

        assertThat(controller.isRunning()).isFalse();
        assertThat(Processes.running(pid)).isFalse();
        assertThat(fake.calls(settings)).endsWith("argv:", "stdin: quit");
    }

    @Test
    void listsServersOnePidPerLineAndTheClientsOfEach() {
        MpsSettings settings = fake.settings("ok", Map.of("FAKE_MPS_SERVERS", "4242 4343",
            "FAKE_MPS_CLIENTS_4242", "101 102"));
        try (MpsController controller = MpsController.create(settings)) {
            controller.start();

            assertThat(controller.serverList()).containsExactly(4242L, 4343L);
            assertThat(controller.clientList(4242)).containsExactly(101L, 102L);
            assertThat(controller.clientList(4343)).isEmpty();
            assertThat(fake.calls(settings)).contains("stdin: get_client_list 4242", "stdin: get_client_list 4343");
        }
    }

    @Test
    void aDaemonWithoutClientsListsNoServer() {
        try (MpsController controller = MpsController.create(fake.settings("ok"))) {
            controller.start();

            assertThat(controller.serverList()).isEmpty();
        }
    }

    @Test
    void aDaemonThatFailsToStartIsReportedWithItsLogTail() {
        MpsController controller = MpsController.create(fake.settings("fail-start"));

        assertThatThrownBy(controller::start).isInstanceOf(MpsException.class)
            .hasMessageContaining("'nvidia-cuda-mps-control -d' exited with 1")
            .hasMessageContaining("control.log ends with:")
            .hasMessageContaining("cannot open /dev/nvidiactl (fake failure)");
        assertThat(controller.isRunning()).isFalse();
    }

    @Test
    void aDaemonThatDoesNotAnswerTimesOutAndIsKilled() {
        MpsSettings settings = fake.settings("hang");
        MpsController controller = MpsController.create(settings);

        assertThatThrownBy(controller::start).isInstanceOf(MpsException.class)
            .hasMessageContaining("'echo get_server_list | nvidia-cuda-mps-control' did not finish within 300 ms")
            .hasMessageContaining("not answering");

        assertThat(controller.isRunning()).isFalse();
        assertThat(fake.calls(settings)).contains("stdin: get_server_list", "stdin: quit");
    }

    @Test
    void aDaemonLeftByAnEarlierWorkerIsAskedToQuitFirst() {
        MpsSettings settings = fake.settings("ok");
        MpsController earlier = MpsController.create(settings);
        earlier.start();
        long earlierPid = earlier.daemonPid().orElseThrow();

        try (MpsController controller = MpsController.create(settings)) {
            controller.start();

            assertThat(Processes.running(earlierPid)).isFalse();
            assertThat(controller.daemonPid()).isNotEqualTo(OptionalLong.of(earlierPid));
            assertThat(controller.isRunning()).isTrue();
        }
    }

    @Test
    void askingADaemonThatIsNotRunningSaysWhatCameBack() {
        MpsController controller = MpsController.create(fake.settings("ok"));

        assertThatThrownBy(controller::serverList).isInstanceOf(MpsException.class)
            .hasMessageContaining("'get_server_list' answered with exit 1 (\"Cannot find MPS control daemon process\")")
            .hasMessageContaining("no control.log in");
    }

    @Test
    void aMissingBinaryIsNamed() {
        MpsSettings settings = MpsSettings.defaults(fake.workDir)
            .withBinary(fake.dir.resolve("nowhere/nvidia-cuda-mps-control"));

        assertThat(MpsController.locate(settings)).isEmpty();
        assertThatThrownBy(() -> MpsController.create(settings)).isInstanceOf(MpsException.class)
            .hasMessageContaining("nowhere/nvidia-cuda-mps-control is missing or not executable");
    }

    @Test
    void theBinaryIsLookedUpOnThePath() {
        String path = fake.dir.resolve("empty") + ":" + fake.binary.getParent();

        assertThat(MpsController.findOnPath(MpsSettings.BINARY_NAME, path)).isEqualTo(Optional.of(fake.binary));
        assertThat(MpsController.findOnPath(MpsSettings.BINARY_NAME, fake.dir.resolve("empty").toString())).isEmpty();
        assertThat(MpsController.findOnPath(MpsSettings.BINARY_NAME, null)).isEmpty();
    }

    @Test
    void aServersStatusIsAskedByItsPid() {
        MpsSettings settings = fake.settings("ok", Map.of("FAKE_MPS_SERVERS", "4242"));
        try (MpsController controller = MpsController.create(settings)) {
            controller.start();

            assertThat(controller.serverStatus(4242)).isEqualTo(MpsController.ServerStatus.ACTIVE);
            fake.report(settings, "status-4242", "FAULT");
            assertThat(controller.serverStatus(4242)).isEqualTo(MpsController.ServerStatus.FAULT);
            assertThatThrownBy(() -> controller.serverStatus(4343)).isInstanceOf(MpsException.class)
                .hasMessageContaining("'get_server_status 4343' answered with exit 1 (\"No MPS server with pid 4343\")")
                .hasMessageContaining("expected ACTIVE or FAULT");
        }
    }

    @Test
    void aStatusIsItsFirstUpperCaseStatusWordAndErrorsAreNone() {
        assertThat(MpsController.parseStatus("ACTIVE\n")).isEqualTo(MpsController.ServerStatus.ACTIVE);
        assertThat(MpsController.parseStatus("Server 4242: FAULT")).isEqualTo(MpsController.ServerStatus.FAULT);
        assertThat(MpsController.parseStatus("no active server 4242; a fault in the RPC")).isNull();
        assertThat(MpsController.parseStatus("INACTIVE")).isNull();
        assertThat(MpsController.parseStatus("")).isNull();
    }

    @Test
    void pidListsAcceptBlankLinesAndRejectWords() {
        assertThat(MpsController.parsePids("get_server_list", "\n12\n 34 \n\n")).isEqualTo(List.of(12L, 34L));
        assertThat(MpsController.parsePids("get_server_list", "")).isEmpty();
        assertThat(MpsController.parsePids("get_server_list", "Cannot find MPS control daemon process")).isNull();
    }
}
