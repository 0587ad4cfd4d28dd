package io.prism.runtime.placement.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.runtime.placement.ResourceShape;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TracesTest {
    private static Workload read(String text) {
        return Traces.read(new StringReader(text), "t.csv");
    }

    @Test
    void readsArrivalsAndDeparturesSkippingTheHeaderCommentsAndBlankLines() {
        Workload w = read("""
            time,actor,event,gpus,memory
            # a scorer and a big model
            0,scorer-1,arrive,0.25,
            0.5,llm,arrive,0.5,20GiB

            12.25,scorer-1,depart,,
            13,llm,depart
            14,scorer-1,ARRIVE,1
            """);

        assertThat(w.events()).containsExactly(
            new SimEvent.Arrive(0, "scorer-1", ResourceShape.fraction(2_500, ResourceShape.PROPORTIONAL, 0)),
            new SimEvent.Arrive(500_000_000L, "llm", ResourceShape.fraction(5_000, 20L << 30, 0)),
            new SimEvent.Depart(12_250_000_000L, "scorer-1"),
            new SimEvent.Depart(13_000_000_000L, "llm"),
            new SimEvent.Arrive(14_000_000_000L, "scorer-1", ResourceShape.wholeGpus(1, 0)));
        assertThat(w.description()).isEqualTo("trace t.csv");
    }

    @Test
    void aLineThatDoesNotParseIsNamedByItsNumber() {
        assertThatThrownBy(() -> read("0,a,arrive,0.25\nsoon,b,arrive,0.5\n")).isInstanceOf(WorkloadException.class)
            .hasMessage("t.csv line 2: time \"soon\" is not a number of seconds (such as 0 or 12.5)");
        assertThatThrownBy(() -> read("0,a,arrive,1.5")).hasMessage("t.csv line 1: fractions above 1 must be whole "
            + "GPUs (use 1 or 2, or a value ≤ 1)");
        assertThatThrownBy(() -> read("0,a,arrive,0.25\n1,a,leave")).hasMessageContaining("t.csv line 2: event "
            + "\"leave\" is not known; use arrive or depart");
        assertThatThrownBy(() -> read("0,a,depart")).hasMessageContaining("t.csv line 1: actor a departs, but it has "
            + "not arrived");
        assertThatThrownBy(() -> read("0,a,arrive,0.25\n0,a,arrive,0.25"))
            .hasMessageContaining("t.csv line 2: actor a arrives again");
        assertThatThrownBy(() -> read("5,a,arrive,0.25\n4,b,arrive,0.25"))
            .hasMessageContaining("t.csv line 2: time 4 s comes before 5 s");
        assertThatThrownBy(() -> read("0,a,arrive")).hasMessageContaining("arrives without a GPU share");
        assertThatThrownBy(() -> read("0,a")).hasMessageContaining("t.csv line 1: 2 fields, expected 3 to 5");
        assertThatThrownBy(() -> read("-1,a,arrive,0.5")).hasMessageContaining("time -1 is negative");
        assertThatThrownBy(() -> read("0,a,arrive,0.5\n1,a,depart,0.5")).hasMessageContaining("a depart line has no");
        assertThatThrownBy(() -> read("# nothing\n")).hasMessageContaining("t.csv has no events");
    }
}
