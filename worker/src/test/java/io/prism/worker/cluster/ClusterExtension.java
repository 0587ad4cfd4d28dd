package io.prism.worker.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a running {@link TestCluster} and makes sure its processes die with it, passed or failed.
 * {@link #shared()} is one cluster for every class that leaves it as it found it (each kills its actors), started
 * by the first such class and closed when the whole run ends; {@link #own(int, String)} is a cluster for a class that
 * kills nodes, closed after that class.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);
    private static final String SHARED_GPUS = "sim:1x16GiB";

    private final boolean shared;
    private final int workers;
    private final String workerGpus;
    private final String[] workerArgs;
    private TestCluster cluster;

    private ClusterExtension(boolean shared, int workers, String workerGpus, String... workerArgs) {
        this.shared = shared;
        this.workers = workers;
        this.workerGpus = workerGpus;
        this.workerArgs = workerArgs;
    }

    /** The head, two workers with one simulated 16 GiB GPU each, and this JVM as driver, shared between classes. */
    static ClusterExtension shared() {
        return new ClusterExtension(true, 2, SHARED_GPUS);
    }

    /** A cluster of this class's own, for tests that kill or stop its nodes. */
    static ClusterExtension own(int workers, String workerGpus, String... workerArgs) {
        return new ClusterExtension(false, workers, workerGpus, workerArgs);
    }

    TestCluster cluster() {
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("shared", key -> new Closing(TestCluster.start(workers, workerGpus)), Closing.class)
                .cluster;
        } else {
            cluster = TestCluster.start(workers, workerGpus, workerArgs);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!shared && cluster != null) {
            cluster.close();
        }
    }

    /** Closes the shared cluster when JUnit closes the root context, at the end of the run. */
    private record Closing(TestCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
