package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the PTX kernel without a GPU: the committed PTX is on the class path and declares the
 * kernel the launch names, with the parameters the launch passes and the .cu source declares, for the target and
 * ISA the messages name; and the grid covers C. The kernel's arithmetic is {@link PtxSgemmKernelTest}'s.
 */
class PtxSgemmTest {
    private static final Path SOURCE = Path.of("src/main/cuda/prism_sgemm.cu");

    @Test
    void thePtxDeclaresTheKernelWithOneParameterPerArgumentTheLaunchPasses() throws IOException {
        CUdeviceptr pointer = new CUdeviceptr();
        int passed = PtxSgemm.parameters(true, false, 2, 3, 4, 1f, pointer, 4, pointer, 4, 0f, pointer, 2).length;

        assertThat(entryParameters(ptx())).hasSize(passed);
    }

    @Test
    void thePtxParametersAreThoseOfTheCudaSourceSoThePtxWasRegeneratedAfterItsLastSignatureChange()
        throws IOException {
        List<String> expected = new ArrayList<>();
        for (String parameter : sourceParameters(Files.readString(SOURCE))) {
            expected.add(parameter.contains("*") ? "u64" : parameter.startsWith("int ") ? "u32"
                : parameter.startsWith("float ") ? "f32" : "unexpected: " + parameter);
        }

        assertThat(entryParameters(ptx())).containsExactlyElementsOf(expected);
    }

    @Test
    void theHeaderDeclaresTheIsaAndTargetThatErrorsNameFor64BitAddresses() throws IOException {
        String ptx = ptx();

        assertThat(ptx).containsPattern("(?m)^\\.version " + Pattern.quote(PtxSgemm.PTX_ISA) + "$")
            .containsPattern("(?m)^\\.target sm_75$")
            .containsPattern("(?m)^\\.address_size 64$");
    }

    @Test
    void theGridHasABlockForEveryRowAndColumnAndNoBlockBeyond() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 1_000; trial++) {
            int m = 1 + random.nextInt(5_000);
            int n = 1 + random.nextInt(5_000);

            PtxSgemm.Grid grid = PtxSgemm.Grid.of(m, n);

            assertThat((long) grid.x() * PtxSgemm.BLOCK).as("rows covered, m=%d", m).isGreaterThanOrEqualTo(m);
            assertThat((long) (grid.x() - 1) * PtxSgemm.BLOCK).as("rows of the last block, m=%d", m).isLessThan(m);
            assertThat((long) grid.y() * PtxSgemm.BLOCK).as("columns covered, n=%d", n).isGreaterThanOrEqualTo(n);
            assertThat((long) (grid.y() - 1) * PtxSgemm.BLOCK).as("columns of the last block, n=%d", n)
                .isLessThan(n);
        }
    }

    @Test
    void theGridStaysWithinCudasLimitsForTheLargestShapes() {
        PtxSgemm.Grid grid = PtxSgemm.Grid.of(Integer.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(grid.x()).isEqualTo((int) (((long) Integer.MAX_VALUE + PtxSgemm.BLOCK - 1) / PtxSgemm.BLOCK));
        assertThat(grid.y()).isEqualTo(65_535);
        assertThat(PtxSgemm.BLOCK * PtxSgemm.BLOCK).as("threads per block").isLessThanOrEqualTo(1_024);
    }

    /** The committed PTX, read as the context reads it: a resource next to PtxSgemm. */
    private static String ptx() throws IOException {
        try (InputStream in = PtxSgemm.class.getResourceAsStream(PtxSgemm.RESOURCE)) {
            assertThat(in).as(PtxSgemm.RESOURCE + " on the class path next to PtxSgemm").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The types of the kernel's .param list in the PTX, e.g. [u32, u32, ..., u64, u32]. */
    private static List<String> entryParameters(String ptx) {
        Matcher entry = Pattern.compile("\\.visible \\.entry " + PtxSgemm.KERNEL + "\\(([^)]*)\\)").matcher(ptx);
        assertThat(entry.find()).as(".entry " + PtxSgemm.KERNEL + " in the PTX").isTrue();
        Matcher param = Pattern.compile("\\.param \\.(\\w+) " + PtxSgemm.KERNEL + "_param_\\d+")
            .matcher(entry.group(1));
        List<String> types = new ArrayList<>();
        while (param.find()) {
            types.add(param.group(1));
        }
        return types;
    }

    /** The kernel's parameter declarations in the .cu source, e.g. ["int transA", ..., "const float *a", ...]. */
    private static List<String> sourceParameters(String source) {
        Matcher signature = Pattern.compile("__global__ void " + PtxSgemm.KERNEL + "\\(([^)]*)\\)").matcher(source);
        assertThat(signature.find()).as(PtxSgemm.KERNEL + "'s signature in " + SOURCE).isTrue();
        return Arrays.stream(signature.group(1).split(",")).map(String::strip).toList();
    }
}
