package io.prism.resources.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prism.ActorId;
import io.prism.resources.device.GpuDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuLedgerTest {
    private static final long GIB = 1L << 30;

    private final GpuLedger ledger = new GpuLedger(
        List.of(GpuDevice.simulated(0, 16 * GIB), GpuDevice.simulated(1, 16 * GIB)), 8_000);

    private static AllocationKey key(String actor) {
        return new AllocationKey(new ActorId(actor), 0);
    }

    @Test
    void fourQuartersFillOneGpuAndLeaveTheOtherIdle() {
        for (int i = 0; i < 4; i++) {
            ledger.allocate(key("a" + i), List.of(0), 2_500, 4 * GIB, 1_000);
        }

        assertThat(ledger.usedUnits(0)).isEqualTo(10_000);
        assertThat(ledger.freeUnits(0)).isZero();
        assertThat(ledger.freeMemory(0)).isZero();
        assertThat(ledger.clients(0)).isEqualTo(4);
        assertThat(ledger.onGpu(0)).containsExactly(key("a0"), key("a1"), key("a2"), key("a3"));
        assertThat(ledger.idleGpus()).containsExactly(1);
        assertThat(ledger.cpuMillisFree()).isEqualTo(4_000);
        assertThat(ledger.fits(List.of(0), 1, 0, 0)).isFalse();
        assertThat(ledger.fits(List.of(1), 10_000, 16 * GIB, 4_000)).isTrue();
    }

    @Test
    void refusesAFifthQuarterOnAFullGpuWithTheNumbers() {
        for (int i = 0; i < 4; i++) {
            ledger.allocate(key("a" + i), List.of(0), 2_500, GIB, 0);
        }

        assertThatThrownBy(() -> ledger.allocate(key("late"), List.of(0), 2_500, GIB, 0))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("late#0 needs 2500 units")
            .hasMessageContaining("GPU 0, which has 0 units");
        assertThat(ledger.allocation(key("late"))).isEmpty();
        assertThat(ledger.usedUnits(0)).isEqualTo(10_000);
    }

    @Test
    void memoryMustFitAsWellAsUnits() {
        ledger.allocate(key("big"), List.of(0), 1_000, 15 * GIB, 0);

        assertThat(ledger.fits(List.of(0), 1_000, 2 * GIB, 0)).isFalse();
        assertThatThrownBy(() -> ledger.allocate(key("b"), List.of(0), 1_000, 2 * GIB, 0))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("1073741824 bytes (1 GiB) free");
    }

    @Test
    void cpusMustFitOnTheNode() {
        ledger.allocate(key("cpu"), List.of(), 0, 0, 7_500);

        assertThat(ledger.fits(List.of(), 0, 0, 501)).isFalse();
        assertThatThrownBy(() -> ledger.allocate(key("more"), List.of(1), 100, 0, 501))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("needs 501 CPU millis; the node has 500 of 8000 free");
    }

    @Test
    void refusesUnknownRepeatedGpusAndAKeyThatAlreadyHoldsSomething() {
        ledger.allocate(key("a"), List.of(0), 100, 0, 0);

        assertThatThrownBy(() -> ledger.allocate(key("b"), List.of(2), 100, 0, 0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("GPU 2 is not on this node; its GPUs are [0, 1]");
        assertThatThrownBy(() -> ledger.allocate(key("b"), List.of(1, 1), 10_000, 0, 0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("GPU 1 is named twice in [1, 1]");
        assertThatThrownBy(() -> ledger.allocate(key("a"), List.of(1), 100, 0, 0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("a#0 already holds");
        assertThatThrownBy(() -> ledger.allocate(key("c"), List.of(1), 10_001, 0, 0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("10001 units per GPU must be 1 to 10000");
        assertThat(ledger.allocations()).hasSize(1);
        assertThat(ledger.usedUnits(1)).isZero();
    }

    @Test
    void aNewIncarnationIsADifferentAllocation() {
        ledger.allocate(new AllocationKey(new ActorId("a"), 0), List.of(0), 5_000, 0, 0);
        ledger.allocate(new AllocationKey(new ActorId("a"), 1), List.of(0), 5_000, 0, 0);

        ledger.release(new AllocationKey(new ActorId("a"), 0));

        assertThat(ledger.onGpu(0)).containsExactly(new AllocationKey(new ActorId("a"), 1));
    }

    @Test
    void releasesExactlyOnce() {
        Allocation held = ledger.allocate(key("a"), List.of(0, 1), 10_000, 16 * GIB, 2_000);
        ledger.allocate(key("b"), List.of(), 0, 0, 1_000);

        assertThat(ledger.release(key("a"))).contains(held);
        assertThat(ledger.release(key("a"))).isEmpty();

        assertThat(ledger.usedUnits(0)).isZero();
        assertThat(ledger.usedMemory(1)).isZero();
        assertThat(ledger.idleGpuCount()).isEqualTo(2);
        assertThat(ledger.cpuMillisUsed()).isEqualTo(1_000);
    }

    @Test
    void rebuildsFromReportedAllocations() {
        ledger.allocate(key("a"), List.of(1), 2_500, 4 * GIB, 500);
        ledger.allocate(key("b"), List.of(0, 1), 5_000, GIB, 500);

        GpuLedger rebuilt = GpuLedger.rebuild(ledger.devices(), 8_000, ledger.allocations());

        assertThat(rebuilt.allocations()).containsExactlyElementsOf(ledger.allocations());
        assertThat(rebuilt.usedUnits(1)).isEqualTo(7_500);
        assertThat(rebuilt.usedMemory(1)).isEqualTo(5 * GIB);
        assertThat(rebuilt.cpuMillisFree()).isEqualTo(7_000);
    }

    @Test
    void rebuildRefusesReportsThatOverCommitAGpu() {
        List<Allocation> contradictory = List.of(
            new Allocation(key("a"), List.of(0), 6_000, 0, 0),
            new Allocation(key("b"), List.of(0), 6_000, 0, 0));

        assertThatThrownBy(() -> GpuLedger.rebuild(ledger.devices(), 8_000, contradictory))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("b#0 needs 6000 units");
    }

    @Test
    void nonDenseDeviceIndexesAreAddressedByIndex() {
        GpuLedger sparse = new GpuLedger(List.of(GpuDevice.simulated(2, GIB), GpuDevice.simulated(3, 2 * GIB)), 0);

        sparse.allocate(key("a"), List.of(3), 1, GIB, 0);

        assertThat(sparse.freeMemory(3)).isEqualTo(GIB);
        assertThat(sparse.freeMemory(2)).isEqualTo(GIB);
        assertThat(sparse.hasGpu(0)).isFalse();
        assertThatThrownBy(() -> new GpuLedger(List.of(GpuDevice.simulated(1, GIB), GpuDevice.simulated(1, GIB)), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GPU index 1 appears twice");
    }

    @Test
    void aLedgerWithAnActorLimitCountsAFullGpuByActorsNotUnits() {
        GpuLedger mps = new GpuLedger(List.of(GpuDevice.simulated(0, 16 * GIB)), 8_000, 48);
        for (int i = 0; i < 48; i++) {
            mps.allocate(key("c" + i), List.of(0), 1, 0, 0);
        }

        assertThat(mps.usedUnits(0)).isEqualTo(48);
        assertThat(mps.freeUnits(0)).as("no room for a 49th client").isZero();
        assertThatThrownBy(() -> mps.allocate(key("c48"), List.of(0), 1, 0, 0))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already holds 48 actors")
            .hasMessageContaining("48 clients per GPU");

        mps.release(key("c0"));
        assertThat(mps.freeUnits(0)).isEqualTo(10_000 - 47);
        assertThat(mps.copy().maxActorsPerGpu()).isEqualTo(48);
    }
}
