package io.prism.runtime;

import io.prism.ActorHandle;
import io.prism.Isolation;
import io.prism.Prism;
import io.prism.PrismConfig;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prism.runtime.TestActors.Quarter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code prism.executor.prestart}: spare executors started with the node, so that the first actor of such a share
 * is handed a process that is already running instead of waiting for a JVM to start.
 */
class PrestartedExecutorsTest {

    private static PrismConfig.Builder processIsolation() {
        return PrismConfig.builder().gpus("sim:1x16GiB").set("prism.isolation", "process")
            .set("prism.executor.start-timeout", "120s").placementTimeout(Duration.ofSeconds(150));
    }

    @Test
    void theFirstActorOfAPrestartedShareRunsInAnExecutorThatWasRunningBeforeItWasCreated() {
        try (Prism prism = Prism.start(processIsolation().set("prism.executor.prestart", "[0.25]").build())) {
            Set<Long> runningBeforeCreate = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
            ActorHandle<Quarter> quarter = prism.actor(Quarter::new).create();

            assertThat(quarter.placement().isolation()).isEqualTo(Isolation.PROCESS);
            assertThat(quarter.call(Quarter::pid).join()).as("the executor of the first 0.25 actor")
                .isIn(runningBeforeCreate);
            assertThat(quarter.call(Quarter::budget).join()).as("its memory budget").isEqualTo(4L << 30);
        }
    }

    @Test
    void withoutPrestartTheFirstActorGetsAProcessOfItsOwn() {
        try (Prism prism = Prism.start(processIsolation().build())) {
            Set<Long> runningBeforeCreate = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
            ActorHandle<Quarter> quarter = prism.actor(Quarter::new).create();

            assertThat(quarter.call(Quarter::pid).join()).isNotIn(runningBeforeCreate)
                .isNotEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void aNodeThatRunsNoExecutorsSaysItStartsNoSpare() {
        Logger log = (Logger) LoggerFactory.getLogger(NodeIsolations.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (Prism prism = Prism.start(PrismConfig.builder().gpus("sim:1x16GiB")
            .set("prism.executor.prestart", "0.25").build())) {
            assertThat(prism.state().nodes().get(0).isolation()).isEqualTo(Isolation.SHARED);
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("prism.executor.prestart is set")
                    .contains("no spare is started").contains("isolation process"));
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void aPrestartShareThatIsNotAShareOfOneGpuIsRefusedNamingIt() {
        assertThatThrownBy(() -> Prism.start(processIsolation().set("prism.executor.prestart", "[0.25, 1.5]")
            .build()).close())
            .hasMessageContaining("prism.executor.prestart 1.5")
            .hasMessageContaining("share of one GPU");
        for (String wrong : new String[]{"quarter", "0", "-0.5"}) {
            assertThatThrownBy(() -> Prism.start(processIsolation().set("prism.executor.prestart", "0.25," + wrong)
                .build()).close())
                .hasMessageContaining("prism.executor.prestart " + wrong + ":")
                .hasMessageContaining("fractions 0 < g ≤ 1");
        }
        assertThatThrownBy(() -> Prism.start(processIsolation().set("prism.executor.prestart", "[2]").build())
            .close())
            .hasMessageContaining("prism.executor.prestart 2")
            .hasMessageContaining("share of one GPU");
    }
}
