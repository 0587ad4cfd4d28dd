package io.prism.resources.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {

    @ParameterizedTest
    @CsvSource({
        "6GiB, 6442450944",
        "512MiB, 536870912",
        "512 MiB, 536870912",
        "1.5GB, 1500000000",
        "16gib, 17179869184",
        "1KiB, 1024",
        "2TiB, 2199023255552",
        "4096, 4096",
        "100B, 100",
    })
    void parsesTheUsualForms(String text, long bytes) {
        assertThat(MemorySize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6 gigs", "-1GiB", "GiB", "1.5.2GiB"})
    void rejectsWhatItDoesNotUnderstandNamingTheText(String text) {
        assertThatThrownBy(() -> MemorySize.parse(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"" + text + "\"")
            .hasMessageContaining("6GiB");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> MemorySize.parse(""))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("empty")
            .hasMessageContaining("512MiB");
    }

    @Test
    void rejectsZero() {
        assertThatThrownBy(() -> MemorySize.parse("0"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"0\"")
            .hasMessageContaining("more than 0 bytes");
    }

    @Test
    void rejectsSizesBeyondALong() {
        assertThatThrownBy(() -> MemorySize.parse("99999999TiB"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"99999999TiB\" is too large");
    }

    @Test
    void formatsForHumans() {
        assertThat(MemorySize.format(16L << 30)).isEqualTo("16 GiB");
        assertThat(MemorySize.format(3L << 29)).isEqualTo("1.5 GiB");
        assertThat(MemorySize.format(512L << 20)).isEqualTo("512 MiB");
        assertThat(MemorySize.format(100)).isEqualTo("100 B");
    }

    @Test
    void exactFormIsReadBackToTheSameNumber() {
        for (long bytes : new long[] {16L << 30, 3L << 29, 1_500_000_000L, 100, 1 << 10, 5L << 40}) {
            assertThat(MemorySize.parse(MemorySize.exact(bytes))).isEqualTo(bytes);
        }
        assertThat(MemorySize.exact(16L << 30)).isEqualTo("16GiB");
        assertThat(MemorySize.exact(3L << 29)).isEqualTo("1536MiB");
    }
}
