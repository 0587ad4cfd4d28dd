package io.prism.runtime.serialization;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code prism.serialization} settings as a user writes them. */
class WireSettingsTest {

    @Test
    void defaultsAllowTheExamplesAndSixteenMebibytes() {
        WireSettings s = WireSettings.from(ConfigFactory.load());
        assertThat(s.allowedPackages()).containsExactly("io.prism.examples");
        assertThat(s.maxPayload()).isEqualTo(16 << 20);
    }

    @Test
    void packagesComeAsAListOrOneCommaSeparatedString() {
        WireSettings list = WireSettings.from(ConfigFactory.parseString(
            "prism.serialization { allowed-packages = [\"com.acme.*\", \"org.shop\"], max-payload = 1MiB }"));
        WireSettings string = WireSettings.from(ConfigFactory.parseString(
            "prism.serialization { allowed-packages = \"com.acme, org.shop\", max-payload = 1MiB }"));
        assertThat(list.allowedPackages()).containsExactly("com.acme", "org.shop");
        assertThat(string.allowedPackages()).containsExactly("com.acme", "org.shop");
        assertThat(list.maxPayload()).isEqualTo(1 << 20);
    }

    @Test
    void badValuesSayWhatIsRight() {
        assertThatThrownBy(() -> new WireSettings(List.of("com.*.x"), 1 << 20))
            .hasMessage("prism.serialization.allowed-packages entry 'com.*.x' is not a package name: use a name such "
                + "as \"com.acme\", which also covers its sub-packages");
        assertThatThrownBy(() -> new WireSettings(List.of(), 100))
            .hasMessage("prism.serialization.max-payload = 100 bytes: must be 4KiB to 1GiB");
    }

    @Test
    void aPackageCoversItsSubPackagesButNotItsNamesakes() {
        AllowList allow = new AllowList(List.of("com.acme"));
        allow.checkName("com.acme.Tx");
        allow.checkName("com.acme.fraud.Tx$Line");
        assertThatThrownBy(() -> allow.checkName("com.acmecorp.Tx"))
            .hasMessageStartingWith("class com.acmecorp.Tx is not allowed on the wire: add \"com.acmecorp\"");
        assertThatThrownBy(() -> allow.checkName("Tx")).hasMessageContaining("unnamed package");
    }
}
