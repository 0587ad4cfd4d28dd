package io.prism.resources.context;

import jcuda.jcublas.JCublas2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sgemm a real GPU's contexts run: cuBLAS when JCuda's binding loads, else Prism's PTX kernel. JCuda 12.6's
 * binding links {@code libcublas.so.12} with versioned symbols, so a machine with only CUDA 13 cannot load it, and
 * the JVM cannot retry a native library that failed: the choice is made once per JVM.
 *
 * @param cublas  true when JCublas2 loaded
 * @param failure what failed to load, one line; empty with cuBLAS
 */
record SgemmChoice(boolean cublas, String failure) {
    private static final String CUBLAS_12 = "libcublas.so.12";
    /** JCuda's message nests each attempt's error; their lines start with this. */
    private static final String NESTED = UnsatisfiedLinkError.class.getName() + ": ";

    /** The choice for this JVM; the first call loads JCublas2 and logs a warning if it does not load. */
    static SgemmChoice inThisJvm() {
        return InThisJvm.CHOICE;
    }

    /**
     * Runs {@code loadCublas} and chooses by whether it threw a {@link LinkageError}: JCuda throws {@link
     * UnsatisfiedLinkError} from JCublas2's static initializer, and {@link NoClassDefFoundError} on later uses.
     */
    static SgemmChoice choose(Runnable loadCublas) {
        try {
            loadCublas.run();
            return new SgemmChoice(true, "");
        } catch (LinkageError e) {
            return new SgemmChoice(false, firstCause(e));
        }
    }

    /** One line for reports: "sgemm: cuBLAS", or "sgemm: PTX kernel (libcublas.so.12 not found)". */
    String describe() {
        if (cublas) {
            return "sgemm: cuBLAS";
        }
        return "sgemm: PTX kernel (" + (failure.contains(CUBLAS_12) ? CUBLAS_12 + " not found"
            : "cuBLAS did not load: " + failure) + ")";
    }

    /**
     * The line that says what failed. JCuda's message is some forty lines: a header, then the stack trace of each
     * attempt (java.library.path, then its bundled copy); the last attempt's error names the missing library.
     */
    static String firstCause(LinkageError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String last = null;
        for (String line : message.split("\n")) {
            if (line.startsWith(NESTED)) {
                last = line.substring(NESTED.length()).strip();
            }
        }
        if (last != null) {
            return last;
        }
        String first = message.lines().findFirst().orElse("").strip();
        return e.getClass().getName() + (first.isEmpty() ? "" : ": " + first);
    }

    /** Loaded on the first {@link #inThisJvm()}, so only a real GPU's context touches JCublas2. */
    private static final class InThisJvm {
        private static final Logger LOG = LoggerFactory.getLogger(SgemmChoice.class);
        // Touching JCublas2 runs its static initializer, which loads the binding and libcublas.so.12 with it.
        static final SgemmChoice CHOICE = choose(() -> JCublas2.setExceptionsEnabled(true));

        static {
            if (!CHOICE.cublas()) {
                LOG.warn("cuBLAS 12 not found ({}): GPU contexts in this JVM run sgemm with Prism's PTX kernel",
                    CHOICE.failure());
            }
        }
    }
}
