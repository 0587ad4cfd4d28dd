package io.prism.worker.gpucheck;

import io.prism.resources.device.CudaProbe;
import io.prism.resources.device.GpuDevice;
import io.prism.worker.PrismCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class GpuCheckCommandTest {
    private static final String NO_CUDA = "no CUDA: libcuda.so not found (the NVIDIA driver is not installed)";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int prism(String... args) {
        return run(PrismCli.commandLine(), args);
    }

    private int withProbe(CudaProbe.Result probe, String... args) {
        return run(new CommandLine(new GpuCheckCommand(() -> probe)), args);
    }

    @Test
    void onAMachineWithoutCudaItSaysWhyAndExitsWithTwo() {
        assumeFalse(CudaProbe.probe().available(), "this machine has CUDA: gpu-check would run for real");

        int exit = prism("gpu-check", "--quick");

        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err.toString()).startsWith("gpu-check needs an NVIDIA GPU and its driver; none found: no CUDA")
            .contains(CudaProbe.probe().reason());
        assertThat(out.toString())
            .contains("Prism gpu-check: GPU 0, 4 @Gpu(0.25) fraud scorers, 200 calls per scorer")
            .contains("1. Devices through JCuda", "   FAIL  " + CudaProbe.probe().reason())
            .contains("gpu-check: 0 of 6 steps passed, step 1 failed, 5 not run")
            .doesNotContain("2. ");
    }

    @Test
    void theProbesReasonIsTheOneReported() {
        int exit = withProbe(new CudaProbe.Result(false, List.of(), Map.of(), 12040, NO_CUDA));

        assertThat(exit).isEqualTo(GpuCheckCommand.NO_GPU);
        assertThat(err.toString().strip()).isEqualTo("gpu-check needs an NVIDIA GPU and its driver; none found: "
            + NO_CUDA);
    }

    @Test
    void aGpuIndexTheMachineDoesNotHaveFailsStepOneWithExitCodeOne() {
        GpuDevice h100 = new GpuDevice(0, "GPU-1d2c3b4a-0000-1111-2222-333344445555", "NVIDIA H100 80GB HBM3",
            85_031_714_816L, 132, false);
        CudaProbe.Result oneGpu = new CudaProbe.Result(true, List.of(h100),
            Map.of(0, CudaProbe.ComputeMode.DEFAULT), 12040, "");

        int exit = withProbe(oneGpu, "--gpu", "3");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
            .contains("NVIDIA H100 80GB HBM3", "FAIL  --gpu 3: no such GPU; this machine has GPU 0")
            .contains("gpu-check: 0 of 6 steps passed, step 1 failed, 5 not run");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aNegativeGpuIndexIsAUsageError() {
        assertThat(prism("gpu-check", "--gpu", "-1")).isEqualTo(2);

        assertThat(err.toString()).contains("--gpu -1: a GPU index is 0 or more");
        assertThat(out.toString()).doesNotContain("Devices through JCuda");
    }

    @Test
    void fewerThanOneCallIsAUsageError() {
        assertThat(prism("gpu-check", "--calls", "0")).isEqualTo(2);

        assertThat(err.toString()).contains("--calls 0: must be at least 1");
    }

    @Test
    void aGpuIndexThatIsNoNumberIsAUsageError() {
        assertThat(prism("gpu-check", "--gpu", "first")).isEqualTo(2);

        assertThat(err.toString()).contains("--gpu", "first");
    }

    @Test
    void callsGivenWithQuickWin() {
        withProbe(new CudaProbe.Result(false, List.of(), Map.of(), 0, NO_CUDA), "--quick", "--calls", "50");

        assertThat(out.toString()).contains("50 calls per scorer");
    }
}
