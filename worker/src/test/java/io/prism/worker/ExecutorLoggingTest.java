package io.prism.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import io.prism.runtime.node.ExecutorLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorLoggingTest {
    private static final ClassLoader WORKER = ExecutorLogging.class.getClassLoader();

    private final LoggerContext context = new LoggerContext();

    @Test
    void anExecutorLogsLikeItsWorkerToStandardErrorWithoutReadingAnyXml() throws Exception {
        assertThat(configure(executor(), WORKER)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

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
        assertThat(configure(Map.of(), WORKER)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void anExecutorGivenALogbackFileOfTheUsersReadsThatFile() {
        Map<String, String> properties = executor();
        properties.put("logback.configurationFile", "/etc/my-logback.xml");

        assertThat(configure(properties, WORKER)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void anExecutorWithTheUsersLogbackXmlOrLogbackTestXmlOnItsClassPathReadsThat(@TempDir Path dir)
        throws Exception {
        Path users = Files.createDirectories(dir.resolve("users"));
        Files.writeString(users.resolve("logback.xml"), "<configuration/>");
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("logback-test.xml"), "<configuration/>");

        try (URLClassLoader usersFirst = new URLClassLoader(new URL[] {users.toUri().toURL()}, null);
             URLClassLoader withTests = new URLClassLoader(new URL[] {tests.toUri().toURL()}, WORKER)) {
            assertThat(configure(executor(), usersFirst)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(configure(executor(), withTests)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        }
    }

    @Test
    void logbackFindsTheConfiguratorOnTheClassPath() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
            .contains(ExecutorLogging.class);
    }

    private static Map<String, String> executor() {
        Map<String, String> properties = new HashMap<>();
        properties.put(ExecutorLauncher.PROCESS_PROPERTY, ExecutorLauncher.PROCESS_EXECUTOR);
        return properties;
    }

    private Configurator.ExecutionStatus configure(Map<String, String> properties, ClassLoader classPath) {
        ExecutorLogging logging = new ExecutorLogging();
        logging.setContext(context);
        return logging.configure(context, properties::get, classPath);
    }

    /** The pattern of the worker's logback.xml, so that executor and worker lines read alike. */
    private static String workersPattern() throws Exception {
        try (InputStream xml = WORKER.getResourceAsStream("logback.xml")) {
            String text = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("<pattern>") + "<pattern>".length(), text.indexOf("</pattern>"));
        }
    }
}
