package io.prism.resources.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CudaProbeTest {

    @Test
    void answersTwiceWithoutThrowingAndGivesTheSameAnswer() {
        assertThatCode(CudaProbe::probe).doesNotThrowAnyException();
        CudaProbe.Result first = CudaProbe.probe();
        CudaProbe.Result second = CudaProbe.probe();

        assertThat(second).isEqualTo(first);
        if (first.available()) {
            assertThat(first.devices()).isNotEmpty().noneMatch(GpuDevice::simulated);
            assertThat(first.reason()).isEmpty();
        } else {
            assertThat(first.devices()).isEmpty();
            assertThat(first.reason()).startsWith("no CUDA: ").doesNotContain("\n");
        }
    }

    @Test
    void withoutLibcudaSaysSoInOneShortLine() {
        Assumptions.assumeFalse(libcudaInstalled(), "this machine has libcuda.so.1");

        CudaProbe.Result result = CudaProbe.probe();

        assertThat(result.available()).isFalse();
        assertThat(result.reason()).startsWith("no CUDA: libcuda.so not found (UnsatisfiedLinkError: libcuda.so")
            .hasSizeLessThan(200);
        assertThat(result.driverVersionText()).isEqualTo("unknown");
    }

    @Test
    void askingTheDriverAgainAfterItFailedToLoadStillReportsNoCuda() {
        CudaProbe.Result first = CudaProbe.probe();
        Assumptions.assumeFalse(first.available(), "CUDA is available here");

        // JCuda now throws NoClassDefFoundError instead of the original UnsatisfiedLinkError.
        CudaProbe.Result again = CudaDriverQuery.query();

        assertThat(again.available()).isFalse();
        assertThat(again.reason()).startsWith("no CUDA: ").doesNotContain("\n");
    }

    @Test
    void linkErrorsAreShortenedToTheLineThatNamesLibcuda() {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver\"\n"
            + "Operating system name: Linux\n"
            + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver.so: libcuda.so.1: cannot open shared object file\n"
            + "---(end of nested stack traces)---");

        assertThat(CudaDriverQuery.reason(error)).isEqualTo(
            "no CUDA: libcuda.so not found (UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file)");
        assertThat(CudaDriverQuery.reason(new UnsatisfiedLinkError("unsupported architecture ppc\nmore")))
            .isEqualTo("no CUDA: JCuda's native driver binding did not load (UnsatisfiedLinkError: unsupported "
                + "architecture ppc)");
    }

    @Test
    void uuidsArePrintedAsNvidiaSmiPrintsThem() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (0xa0 + i);
        }

        assertThat(CudaDriverQuery.uuid(bytes, 0)).isEqualTo("GPU-a0a1a2a3-a4a5-a6a7-a8a9-aaabacadaeaf");
        assertThat(CudaDriverQuery.uuid(null, 3)).isEqualTo("GPU-index-3");
    }

    @Test
    void driverVersionsReadAsMajorDotMinor() {
        CudaProbe.Result result = new CudaProbe.Result(false, List.of(), java.util.Map.of(), 12060, "no CUDA: test");

        assertThat(result.driverVersionText()).isEqualTo("12.6");
    }

    private static boolean libcudaInstalled() {
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
            "/usr/local/cuda/lib64", "/usr/lib/wsl/lib"));
        String ldPath = System.getenv("LD_LIBRARY_PATH");
        if (ldPath != null) {
            dirs.addAll(List.of(ldPath.split(":")));
        }
        return dirs.stream().filter(d -> !d.isBlank()).anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }
}
