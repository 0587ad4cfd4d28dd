package io.prism.runtime.node;

import io.prism.runtime.PrismConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorWarmUpTest {

    /** What the class archive is made from: if this broke, every executor would start without one, twice as slow. */
    @Test
    void aRehearsalHostsAnActorInAnExecutorSystemAndGetsItsAnswerOverRemoting(@TempDir Path dir) throws Exception {
        Path fromWorker = Files.writeString(dir.resolve("executor.conf"),
            ExecutorConfig.forExecutors(PrismConfigLoader.load(Map.of("prism.call-timeout", "5s"), false)));
        assertThat(ExecutorWarmUp.rehearse(ExecutorConfig.load(fromWorker.toFile()))).isTrue();
    }
}
