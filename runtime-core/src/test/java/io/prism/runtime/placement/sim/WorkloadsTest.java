package io.prism.runtime.placement.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.runtime.placement.ResourceShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    private static final long GIB = 1L << 30;

    @Test
    void aCompactSpecExpandsItsItemsInTheOrderWritten() {
        List<ResourceShape> shapes = Workloads.compact("2x0.18, 1x0.5:20GiB,1x1,1x2");

        assertThat(shapes).containsExactly(
            ResourceShape.fraction(1_800, ResourceShape.PROPORTIONAL, 0),
            ResourceShape.fraction(1_800, ResourceShape.PROPORTIONAL, 0),
            ResourceShape.fraction(5_000, 20 * GIB, 0),
            ResourceShape.wholeGpus(1, 0),
            ResourceShape.wholeGpus(2, 0));
    }

    @Test
    void aMalformedCompactSpecNamesTheItemAndWhatWouldBeRight() {
        assertThatThrownBy(() -> Workloads.compact("80x0.25,4x1.5")).isInstanceOf(WorkloadException.class)
            .hasMessage("item \"4x1.5\": fractions above 1 must be whole GPUs (use 1 or 2, or a value ≤ 1)");
        assertThatThrownBy(() -> Workloads.compact("80x"))
            .hasMessageContaining("item \"80x\": the GPU share after \"x\" is missing");
        assertThatThrownBy(() -> Workloads.compact("x0.5")).hasMessageContaining("the count before \"x\" is missing");
        assertThatThrownBy(() -> Workloads.compact("0x0.5")).hasMessageContaining("count 0 must be 1 or more");
        assertThatThrownBy(() -> Workloads.compact("tenx0.5"))
            .hasMessageContaining("count \"ten\" is not a whole number");
        assertThatThrownBy(() -> Workloads.compact("80")).hasMessageContaining("expected COUNTxGPUS");
        assertThatThrownBy(() -> Workloads.compact("2x0.5:20XB")).hasMessageContaining("memory size \"20XB\"");
        assertThatThrownBy(() -> Workloads.compact("2x2:20GiB"))
            .hasMessageContaining("a memory budget applies to a fraction of one GPU");
        assertThatThrownBy(() -> Workloads.compact("2x0.5,,1x1")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> Workloads.compact("2xhalf")).hasMessageContaining("\"half\" is not a number of GPUs");
    }

    @Test
    void aRandomMixIsTheSameForTheSameSeedAndDrawsEveryShape() {
        List<ResourceShape> mix = Workloads.mix("0.1,0.25,0.5:10GiB,1");

        List<ResourceShape> drawn = Workloads.random(2_000, mix, 7);

        assertThat(drawn).hasSize(2_000).containsAll(mix).isEqualTo(Workloads.random(2_000, mix, 7))
            .isNotEqualTo(Workloads.random(2_000, mix, 8));
        assertThatThrownBy(() -> Workloads.mix("0.1,0")).hasMessageContaining("GPUs must be more than 0");
    }

    @Test
    void churnArrivesAtTheRateAndEndsAtTheLastArrival() {
        List<ResourceShape> shapes = Workloads.compact("10000x0.25");

        Workload w = Workloads.churn("churn", shapes, 50, 20, 3);

        List<SimEvent> events = w.events();
        SimEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(SimEvent.Arrive.class);
        assertThat(last.actor()).isEqualTo("a10000");
        assertThat(last.atNanos() / 1e9).as("10,000 arrivals at 50/s").isBetween(190.0, 210.0);
        long departures = events.stream().filter(e -> e instanceof SimEvent.Depart).count();
        assertThat(departures).as("all but those of the last ~20 s leave").isBetween(8_500L, 9_500L);
        assertThatThrownBy(() -> Workloads.churn("x", shapes, 0, 20, 3)).hasMessageContaining("arrival rate 0.0");
        assertThatThrownBy(() -> Workloads.churn("x", shapes, 5, -1, 3)).hasMessageContaining("mean lifetime -1.0");
    }

    @Test
    void atOnceArrivesEverythingAtTimeZeroAndNeverDeparts() {
        Workload w = Workloads.atOnce("static", Workloads.compact("3x0.5"));

        assertThat(w.events()).extracting(SimEvent::actor).containsExactly("a1", "a2", "a3");
        assertThat(w.events()).allMatch(e -> e instanceof SimEvent.Arrive && e.atNanos() == 0);
        assertThat(w.arrivals()).isEqualTo(3);
    }
}
