package io.prism.worker.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        TextTable table = new TextTable("actor", ">GPU", ">memory")
            .row("fraud-1", 0, "4 GiB")
            .row("fraud-10", 12, "512 MiB");

        assertThat(table.lines("  ")).containsExactly(
            "  actor     GPU   memory",
            "  fraud-1     0    4 GiB",
            "  fraud-10   12  512 MiB");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one"))
            .hasMessage("row of 1 cells [only one] in a table of 2 columns [a, b]");
    }
}
