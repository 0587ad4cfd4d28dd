package io.prism.resources.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prism.exception.PrismException;
import io.prism.resources.device.CudaProbe;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.device.GpuDiscovery;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Loading a JCuda class on a machine without CUDA breaks JCuda for the rest of the JVM, so the simulated path must
 * not load one. Each test runs in a fresh class loader that records which Prism and JCuda classes it defines.
 */
class SimulatedPathLoadsNoJcudaTest {

    @Test
    void discoveryContextBuffersAndBlasOnASimulatedGpuLoadNoJcudaClass() throws Exception {
        try (RecordingLoader loader = RecordingLoader.create()) {
            run(loader, SimulatedPathScenario.class.getName());

            assertThat(loader.defined).contains(SimulatedGpuContext.class.getName(), GpuDiscovery.class.getName());
            assertThat(loader.defined).noneMatch(name -> name.startsWith("jcuda."));
        }
    }

    @Test
    void probingCudaDoesLoadJcudaSoTheRecordingSeesIt() throws Exception {
        // A GPU machine's JCuda natives are bound to the test's own class loader, so a second loader cannot bind them.
        Assumptions.assumeFalse(CudaProbe.probe().available(), "CUDA is available here");
        try (RecordingLoader loader = RecordingLoader.create()) {
            run(loader, ProbeScenario.class.getName());

            assertThat(loader.defined).anyMatch(name -> name.startsWith("jcuda."));
        }
    }

    @Test
    void preparingAGpuWithoutCudaFailsInItsFutureAndTheGpusContextThenFailsWithThatError() throws Exception {
        Assumptions.assumeFalse(CudaProbe.probe().available(), "CUDA is available here");
        try (RecordingLoader loader = RecordingLoader.create()) {
            run(loader, PrepareScenario.class.getName());

            assertThat(loader.defined).contains(PreparedDevices.class.getName());
        }
    }

    /**
     * Prepares GPU 0 where CUDA cannot run, from inside the recording loader: the caller goes on and the future fails.
     * Where JCuda's natives did not load (no libcuda), every context then says so in one line, rather than "could
     * not initialize class"; where the driver loaded but found no GPU, a context meets the driver's error itself.
     */
    public static final class PrepareScenario implements Runnable {
        @Override
        public void run() {
            CompletableFuture<String> prepared = GpuContexts.prepare(0);

            Throwable failure = catchThrowable(() -> prepared.get(30, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class);
            Throwable cause = failure.getCause();
            GpuDevice gpu = new GpuDevice(0, "GPU-00000000-0000-0000-0000-000000000000", "Test GPU", 1L << 30, 100,
                false);
            for (int context = 0; context < 2; context++) {
                if (cause instanceof LinkageError) {
                    assertThatThrownBy(() -> GpuContexts.forDevice(gpu, 0.25, 1 << 20, "Scorer"))
                        .isInstanceOf(PrismException.class)
                        .hasMessageStartingWith("Scorer on GPU 0: CUDA could not be set up: ")
                        .hasMessageEndingWith("(check that nvidia-smi lists the GPU and, under MPS, the MPS server's "
                            + "log)")
                        .hasMessageNotContaining("\n")
                        .hasCause(cause);
                } else {
                    assertThatThrownBy(() -> GpuContexts.forDevice(gpu, 0.25, 1 << 20, "Scorer"))
                        .isInstanceOf(cause.getClass());
                }
            }
            assertThatThrownBy(() -> GpuContexts.prepare(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CUDA device ordinal -1: must be 0 or more");
        }
    }

    /** Calls the probe, from inside the recording loader. */
    public static final class ProbeScenario implements Runnable {
        @Override
        public void run() {
            CudaProbe.probe();
        }
    }

    private static void run(ClassLoader loader, String scenario) throws Exception {
        Class<?> type = Class.forName(scenario, true, loader);
        assertThat(type.getClassLoader()).isSameAs(loader);
        ((Runnable) type.getConstructor().newInstance()).run();
    }

    /** Defines io.prism.resources.* and jcuda.* classes itself (child first) and remembers which. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        private RecordingLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        static RecordingLoader create() throws Exception {
            return new RecordingLoader(new URL[] {
                location(SimulatedGpuContext.class),
                location(SimulatedPathScenario.class),
                jarOf("jcuda/driver/JCudaDriver.class"),
                jarOf("jcuda/jcublas/JCublas2.class"),
            }, SimulatedPathLoadsNoJcudaTest.class.getClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        private static URL jarOf(String resource) throws Exception {
            URL url = ClassLoader.getSystemResource(resource);
            return ((JarURLConnection) url.openConnection()).getJarFileURL();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.prism.resources.") && !name.startsWith("jcuda.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                    defined.add(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
