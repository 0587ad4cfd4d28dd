package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsolationModeTest {

    @Test
    void parsesTheThreeModesInAnyCase() {
        assertThat(IsolationMode.parse("process")).isEqualTo(IsolationMode.PROCESS);
        assertThat(IsolationMode.parse(" Shared ")).isEqualTo(IsolationMode.SHARED);
        assertThat(IsolationMode.parse("AUTO")).isEqualTo(IsolationMode.AUTO);
        assertThat(IsolationMode.AUTO.configName()).isEqualTo("auto");
    }

    @Test
    void aWrongValueIsNamedWithTheChoices() {
        assertThatThrownBy(() -> IsolationMode.parse("proc")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("isolation 'proc': use process, shared or auto");
        assertThatThrownBy(() -> IsolationMode.parse("")).hasMessage("isolation '': use process, shared or auto");
        assertThatThrownBy(() -> IsolationMode.parse(null))
            .hasMessage("isolation 'null': use process, shared or auto");
    }
}
