package io.prism.worker;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class PrismCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PrismCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesTheBuiltVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("prism 0.1.0-SNAPSHOT").contains("java ");
    }

    @Test
    void noSubcommandIsAUsageErrorThatListsTheSubcommands() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).contains("Missing a subcommand, e.g. 'prism demo'", "demo");
    }

    @Test
    void aBadDemoOptionNamesTheOptionAndTheValue() {
        assertThat(run("demo", "--actors", "0")).isEqualTo(2);

        assertThat(err.toString()).contains("--actors 0: must be at least 1");
    }
}
