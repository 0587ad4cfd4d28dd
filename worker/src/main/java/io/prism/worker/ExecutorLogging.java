package io.prism.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.prism.runtime.node.ExecutorLauncher;

import java.net.URL;
import java.security.CodeSource;
import java.util.function.UnaryOperator;

/**
 * Logging of executor processes, set up in code: the same lines and levels as the worker's {@code logback.xml}, to
 * standard error, which the worker sends to the executor's log file. Reading that file through Logback's XML
 * configurator took a cold executor JVM about 0.1 s more, on the way to its first answered call. Logback finds this
 * class through {@code META-INF/services} in every process; it acts only in an executor
 * ({@link ExecutorLauncher#PROCESS_PROPERTY}), and leaves the set-up to Logback's own configurators where the user
 * gave one: {@code -Dlogback.configurationFile} (in {@code prism.executor.java-options}), a {@code logback-test.xml},
 * or a {@code logback.xml} that is not the one beside this class.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ExecutorLogging extends ContextAwareBase implements Configurator {
    /** As in {@code logback.xml}: time, level, logger's short name, message. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, System::getProperty, ExecutorLogging.class.getClassLoader());
    }

    ExecutionStatus configure(LoggerContext context, UnaryOperator<String> systemProperty, ClassLoader classPath) {
        if (!ExecutorLauncher.PROCESS_EXECUTOR.equals(systemProperty.apply(ExecutorLauncher.PROCESS_PROPERTY))
            || systemProperty.apply("logback.configurationFile") != null || usersXml(classPath)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("io.prism").setLevel(Level.INFO);
        context.getLogger("org.apache.pekko").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * A {@code logback-test.xml}, or a {@code logback.xml} that Logback would read ahead of the one that comes with
     * this class (in the same jar or class directory).
     */
    private static boolean usersXml(ClassLoader classPath) {
        if (classPath.getResource("logback-test.xml") != null) {
            return true;
        }
        URL xml = classPath.getResource("logback.xml");
        CodeSource ours = ExecutorLogging.class.getProtectionDomain().getCodeSource();
        return xml != null && (ours == null || !xml.toString().contains(ours.getLocation().toString()));
    }
}
