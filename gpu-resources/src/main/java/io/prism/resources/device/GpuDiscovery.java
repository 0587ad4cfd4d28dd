package io.prism.resources.device;

import io.prism.resources.device.CudaProbe.ComputeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a node's {@link GpuSpec} into the devices it offers. Only {@code auto} asks the CUDA driver; a simulated
 * or empty spec never loads a JCuda class, so it works on any machine.
 */
public final class GpuDiscovery {

    private GpuDiscovery() {
    }

    /**
     * What discovery found.
     *
     * @param devices     the devices the node offers, by index
     * @param simulated   true when they are simulated (no CUDA behind them)
     * @param description one line for logs, e.g. "2 simulated GPUs (no CUDA: ...; using sim:2x16GiB)"
     */
    public record Discovered(List<GpuDevice> devices, boolean simulated, String description) {
        public Discovered {
            devices = List.copyOf(devices);
        }
    }

    /**
     * The devices {@code spec} names: {@code auto} asks the CUDA driver and, where there is no CUDA, uses
     * {@code fallbackWhenNoCuda} (the runtime's default is {@link GpuSpec#DEFAULT_SIMULATED}); {@code none} gives no
     * GPU; {@code sim:...} gives simulated GPUs indexed 0..n-1.
     *
     * @throws IllegalArgumentException when the fallback is {@code auto}
     */
    public static Discovered discover(GpuSpec spec, GpuSpec fallbackWhenNoCuda) {
        return discover(spec, fallbackWhenNoCuda, CudaProbe::probe);
    }

    static Discovered discover(GpuSpec spec, GpuSpec fallbackWhenNoCuda, Supplier<CudaProbe.Result> probe) {
        if (fallbackWhenNoCuda instanceof GpuSpec.Auto) {
            throw new IllegalArgumentException("fallback GPU spec \"auto\" would ask CUDA again: "
                + "use \"none\" or \"sim:NxSIZE\", e.g. \"sim:2x16GiB\"");
        }
        if (spec instanceof GpuSpec.None) {
            return new Discovered(List.of(), false, "no GPUs (gpus = none)");
        }
        if (spec instanceof GpuSpec.Simulated sim) {
            return simulated(sim, sim.toString());
        }
        CudaProbe.Result result = probe.get();
        if (!result.available()) {
            if (fallbackWhenNoCuda instanceof GpuSpec.Simulated sim) {
                return simulated(sim, result.reason() + "; using " + sim);
            }
            return new Discovered(List.of(), false, "no GPUs (" + result.reason() + ")");
        }
        return real(result);
    }

    private static Discovered simulated(GpuSpec.Simulated sim, String why) {
        int n = sim.count();
        return new Discovered(sim.devices(), true, n + " simulated GPU" + (n == 1 ? "" : "s") + " (" + why + ")");
    }

    private static Discovered real(CudaProbe.Result result) {
        // No process may create a context on a PROHIBITED device, so offering it would only fail placements.
        List<GpuDevice> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (GpuDevice device : result.devices()) {
            if (result.computeMode(device.index()) == ComputeMode.PROHIBITED) {
                skipped.add("GPU " + device.index() + " skipped: compute mode prohibited");
            } else {
                usable.add(device);
            }
        }
        String list = usable.stream()
            .map(d -> d.index() + " " + d.name() + " (" + MemorySize.format(d.totalMemory()) + ")")
            .collect(Collectors.joining(", "));
        StringBuilder description = new StringBuilder()
            .append(usable.size()).append(" CUDA GPU").append(usable.size() == 1 ? "" : "s")
            .append(", driver ").append(result.driverVersionText());
        if (!list.isEmpty()) {
            description.append(": ").append(list);
        }
        skipped.forEach(s -> description.append("; ").append(s));
        return new Discovered(usable, false, description.toString());
    }
}
