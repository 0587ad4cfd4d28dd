package io.prism.runtime;

import io.prism.Prism;
import io.prism.PrismConfig;
import io.prism.exception.InvalidResourceRequestException;
import io.prism.runtime.TestActors.Counter;
import io.prism.runtime.TestActors.GigsMemory;
import io.prism.runtime.TestActors.HugeMemory;
import io.prism.runtime.TestActors.NanGpu;
import io.prism.runtime.TestActors.NegativeGpu;
import io.prism.runtime.TestActors.OneAndAHalfGpu;
import io.prism.runtime.TestActors.Quarter;
import io.prism.runtime.TestActors.ThreeGpus;
import io.prism.runtime.TestActors.TinyGpu;
import io.prism.runtime.TestActors.ZeroGpu;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user gets wrong: each error names the class, the value and what would be right, and nothing waits. */
class BadInputTest {
    private static Prism prism;

    @BeforeAll
    static void start() {
        prism = Prism.start(PrismConfig.builder().gpus("sim:2x16GiB").cpus(8).build());
    }

    @AfterAll
    static void stop() {
        prism.close();
    }

    @Test
    void anInfeasibleRequestsSettingThatIsNeitherWaitNorFail() {
        assertThatThrownBy(() -> Prism.start(PrismConfig.builder().gpus("sim:1x16GiB")
            .set("prism.infeasible-requests", "later").build()))
            .hasStackTraceContaining("prism.infeasible-requests = \"later\": use wait");
    }

    @Test
    void zeroGpu() {
        assertThatThrownBy(() -> prism.actor(ZeroGpu::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("ZeroGpu").hasMessageContaining("@Gpu(0");
    }

    @Test
    void negativeGpu() {
        assertThatThrownBy(() -> prism.actor(NegativeGpu::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("NegativeGpu").hasMessageContaining("-0.5");
    }

    @Test
    void fractionAboveOne() {
        assertThatThrownBy(() -> prism.actor(OneAndAHalfGpu::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("OneAndAHalfGpu").hasMessageContaining("1.5").hasMessageContaining("whole");
    }

    @Test
    void notANumber() {
        assertThatThrownBy(() -> prism.actor(NanGpu::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("NanGpu").hasMessageContaining("NaN");
    }

    @Test
    void belowOneStep() {
        assertThatThrownBy(() -> prism.actor(TinyGpu::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("TinyGpu").hasMessageContaining("0.0001");
    }

    @Test
    void memoryThatDoesNotParse() {
        assertThatThrownBy(() -> prism.actor(GigsMemory::new).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("GigsMemory").hasMessageContaining("6 gigs").hasMessageContaining("GiB");
    }

    @Test
    void memoryLargerThanAnyGpuFailsFast() {
        assertThatThrownBy(() -> prism.actor(HugeMemory::new).placementTimeout(Duration.ofMinutes(5)).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("HugeMemory").hasMessageContaining("64");
    }

    @Test
    void moreWholeGpusThanAnyNodeHasFailsFast() {
        assertThatThrownBy(() -> prism.actor(ThreeGpus::new).placementTimeout(Duration.ofMinutes(5)).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("ThreeGpus").hasMessageContaining("3").hasMessageContaining("2");
        assertThat(prism.state().pending()).isEmpty();
    }

    @Test
    void optionsAreCheckedLikeTheAnnotation() {
        assertThatThrownBy(() -> prism.actor(Quarter::new).gpu(1.5).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("Quarter").hasMessageContaining("1.5");
        assertThatThrownBy(() -> prism.actor(Counter::new).maxConcurrency(0).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("Counter").hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> prism.actor(Counter::new).cpus(-1).create())
            .isInstanceOf(InvalidResourceRequestException.class)
            .hasMessageContaining("Counter").hasMessageContaining("-1");
    }

    @Test
    void aGoodRequestStillWorksAfterAllTheBadOnes() {
        assertThat(prism.actor(Quarter::new).create().placement().fraction()).isEqualTo(0.25);
    }
}
