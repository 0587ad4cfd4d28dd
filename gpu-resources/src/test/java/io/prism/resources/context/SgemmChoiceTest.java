package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SgemmChoiceTest {
    /** What JCuda 12.6 throws from JCublas2's static initializer without libcublas.so.12 (stack traces cut). */
    private static final String JCUDA_MESSAGE = """
        Error while loading native library "JCublas2-12.6.0-linux-x86_64"
        Operating system name: Linux
        Architecture         : amd64
        Architecture bit size: 64
        ---(start of nested stack traces)---
        Stack trace from the attempt to load the library as a file:
        java.lang.UnsatisfiedLinkError: no JCublas2-12.6.0-linux-x86_64 in java.library.path: /usr/java/packages/lib
        \tat java.base/java.lang.ClassLoader.loadLibrary(ClassLoader.java:2434)
        \tat jcuda.jcublas.JCublas2.<clinit>(JCublas2.java:71)
        Stack trace from the attempt to load the library as a resource:
        java.lang.UnsatisfiedLinkError: /tmp/libJCublas2-12.6.0-linux-x86_64.so: libcublas.so.12: cannot open \
        shared object file: No such file or directory
        \tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)
        \tat jcuda.jcublas.JCublas2.<clinit>(JCublas2.java:71)
        ---(end of nested stack traces)---
        """;

    @Test
    void aBindingThatLoadsMeansCublas() {
        SgemmChoice choice = SgemmChoice.choose(() -> { });

        assertThat(choice.cublas()).isTrue();
        assertThat(choice.describe()).isEqualTo("sgemm: cuBLAS");
    }

    @Test
    void aMissingLibcublas12MeansThePtxKernelAndTheReasonIsTheLineNamingIt() {
        SgemmChoice choice = SgemmChoice.choose(() -> {
            throw new UnsatisfiedLinkError(JCUDA_MESSAGE);
        });

        assertThat(choice.cublas()).isFalse();
        assertThat(choice.failure()).isEqualTo("/tmp/libJCublas2-12.6.0-linux-x86_64.so: libcublas.so.12: cannot "
            + "open shared object file: No such file or directory");
        assertThat(choice.describe()).isEqualTo("sgemm: PTX kernel (libcublas.so.12 not found)");
    }

    @Test
    void aBindingThatFailedEarlierInTheJvmAlsoMeansThePtxKernelSayingWhy() {
        SgemmChoice choice = SgemmChoice.choose(() -> {
            throw new NoClassDefFoundError("Could not initialize class jcuda.jcublas.JCublas2");
        });

        assertThat(choice.cublas()).isFalse();
        assertThat(choice.describe()).isEqualTo("sgemm: PTX kernel (cuBLAS did not load: "
            + "java.lang.NoClassDefFoundError: Could not initialize class jcuda.jcublas.JCublas2)");
    }

    @Test
    void anythingButALinkageErrorIsABugToReportNotAReasonToFallBack() {
        assertThatThrownBy(() -> SgemmChoice.choose(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void withoutCuda12HereTheRealBindingFailsAndTheReasonNamesLibcublas12() {
        SgemmChoice choice = SgemmChoice.inThisJvm();
        Assumptions.assumeFalse(choice.cublas(), "cuBLAS 12 loads on this machine");

        assertThat(choice.failure()).contains("libcublas.so.12").doesNotContain("\n");
        assertThat(choice.describe()).isEqualTo("sgemm: PTX kernel (libcublas.so.12 not found)");
        assertThat(GpuContexts.describeSgemm()).isEqualTo(choice.describe());
    }
}
