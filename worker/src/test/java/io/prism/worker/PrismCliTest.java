package io.prism.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrismCliTest extends CliTest {
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
