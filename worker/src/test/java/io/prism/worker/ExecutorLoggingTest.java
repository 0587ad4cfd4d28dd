package io.prism.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import io.prism.runtime.node.ExecutorLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorLoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperties() {
        System.clearProperty(ExecutorLauncher.PROCESS_PROPERTY);
        System.clearProperty("logback.configurationFile");
    }

    @Test
    void anExecutorLogsLikeItsWorkerToStandardErrorWithoutReadingAnyXml() throws Exception {
        System.setProperty(ExecutorLauncher.PROCESS_PROPERTY, ExecutorLauncher.PROCESS_EXECUTOR);

        assertThat(configure()).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.prism").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.pekko.remote").getEffectiveLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).isEqualTo(workersPattern());
    }

    @Test
    void theWorkerAndTheOtherCommandsKeepTheirLogbackXml() {
        assertThat(configure()).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void anExecutorGivenALogbackFileOfTheUsersReadsThatFile() {
        System.setProperty(ExecutorLauncher.PROCESS_PROPERTY, ExecutorLauncher.PROCESS_EXECUTOR);
        System.setProperty("logback.configurationFile", "/etc/my-logback.xml");

        assertThat(configure()).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void logbackFindsTheConfiguratorOnTheClassPath() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
            .contains(ExecutorLogging.class);
    }

    private Configurator.ExecutionStatus configure() {
        ExecutorLogging logging = new ExecutorLogging();
        logging.setContext(context);
        return logging.configure(context);
    }

    /** The pattern of the worker's logback.xml, so that executor and worker lines read alike. */
    private static String workersPattern() throws Exception {
        try (InputStream xml = ExecutorLoggingTest.class.getResourceAsStream("/logback.xml")) {
            String text = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("<pattern>") + "<pattern>".length(), text.indexOf("</pattern>"));
        }
    }
}
