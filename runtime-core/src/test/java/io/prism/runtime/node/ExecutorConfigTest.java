package io.prism.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.prism.runtime.PrismConfigLoader;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.KryoSerializer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutorConfigTest {

    private static File fromWorker(Path dir, Map<String, ?> workerSettings) throws Exception {
        return Files.writeString(dir.resolve("executor.conf"),
            ExecutorConfig.forExecutors(PrismConfigLoader.load(workerSettings, false))).toFile();
    }

    @Test
    void anExecutorSendsPrismsMessagesWithKryoAndRefusesTheClusterMessagesItHasNoSerializerFor(@TempDir Path dir)
        throws Exception {
        ExecutorConfig.Loaded loaded = ExecutorConfig.load(fromWorker(dir, Map.of("prism.call-timeout", "5s")));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", loaded.bootstrap());
        loaded.systemStarted();
        try {
            Serialization serialization = SerializationExtension.get(system);
            assertThat(serialization.findSerializerFor(new Reply.Ok(1, "done"))).isInstanceOf(KryoSerializer.class);
            // 5 is the identifier of Pekko's cluster message serializer, which a cluster member would send with
            assertThat(serialization.serializerByIdentity().get(5).get()).isInstanceOf(AbsentSerializer.class);
            assertThatThrownBy(() -> serialization.serializerByIdentity().get(5).get().fromBinary(new byte[0]))
                .hasMessageContaining("reached an executor process, which does not run pekko-cluster");
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    @Test
    void anExecutorRunsWithItsWorkersSettingsExceptWhereAnExecutorMustDiffer(@TempDir Path dir) throws Exception {
        File file = fromWorker(dir, Map.of("prism.call-timeout", "5s",
            "pekko.remote.artery.advanced.maximum-frame-size", "9MiB",
            "pekko.remote.artery.canonical.port", 25520,
            "pekko.remote.artery.bind.port", 25521,
            "pekko.actor.provider", "cluster"));

        Config executor = ExecutorConfig.load(file, ConfigFactory.empty(), ConfigFactory.empty()).config();

        assertThat(executor.getDuration("prism.call-timeout")).isEqualTo(Duration.ofSeconds(5));
        assertThat(executor.getBytes("pekko.remote.artery.advanced.maximum-frame-size")).isEqualTo(9L << 20);
        assertThat(executor.getString("pekko.remote.artery.canonical.hostname")).isEqualTo("127.0.0.1");
        assertThat(executor.getInt("pekko.remote.artery.canonical.port")).as("its own port").isZero();
        assertThat(executor.getString("pekko.remote.artery.bind.port")).as("bound as advertised").isEmpty();
        assertThat(executor.getString("pekko.actor.provider")).as("no cluster member").isEqualTo("remote");
        assertThat(executor.hasPath("prism-actor-dispatcher")).as("Prism's dispatchers, outside prism {}").isTrue();
    }

    @Test
    void theSettingsFileHoldsNeitherTheWorkersSystemPropertiesNorTheClustersSettings(@TempDir Path dir)
        throws Exception {
        Config file = ConfigFactory.parseFile(fromWorker(dir, Map.of()));

        assertThat(System.getProperty("java.version")).isNotNull();
        assertThat(file.hasPath("java")).isFalse();
        assertThat(file.hasPath("user")).isFalse();
        assertThat(file.hasPath("pekko.cluster")).isFalse();
        assertThat(file.hasPath("pekko.actor.serializers.prism-kryo")).isTrue();
    }

    @Test
    void anExecutorsOwnSystemPropertiesWinOverItsWorkersSettingsButNotOverWhatMakesItAnExecutor(@TempDir Path dir)
        throws Exception {
        File file = fromWorker(dir, Map.of("prism.call-timeout", "5s"));
        Config javaOptions = ConfigFactory.parseMap(Map.of("prism.call-timeout", "7s",
            "pekko.actor.provider", "cluster"));

        Config executor = ExecutorConfig.load(file, javaOptions, ConfigFactory.empty()).config();

        assertThat(executor.getDuration("prism.call-timeout")).isEqualTo(Duration.ofSeconds(7));
        assertThat(executor.getString("pekko.actor.provider")).isEqualTo("remote");
    }

    @Test
    void anApplicationFileNamedForTheExecutorLiesBetweenItsOptionsAndItsWorkersSettings(@TempDir Path dir)
        throws Exception {
        File file = fromWorker(dir, Map.of("prism.call-timeout", "5s", "prism.drain-timeout", "20s"));
        Config javaOptions = ConfigFactory.parseMap(Map.of("prism.call-timeout", "7s"));
        Config namedFile = ConfigFactory.parseMap(Map.of("prism.call-timeout", "9s", "prism.drain-timeout", "3s"));

        Config executor = ExecutorConfig.load(file, javaOptions, namedFile).config();

        assertThat(executor.getDuration("prism.call-timeout")).isEqualTo(Duration.ofSeconds(7));
        assertThat(executor.getDuration("prism.drain-timeout")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void actorCodeInAnExecutorReadsTheClassPathsSettingsOnceTheSystemHasStarted(@TempDir Path dir) throws Exception {
        ExecutorConfig.Loaded loaded = ExecutorConfig.load(fromWorker(dir, Map.of()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", loaded.bootstrap());
        loaded.systemStarted();
        try {
            CompletableFuture<Duration> callTimeout = new CompletableFuture<>();
            system.dispatchers().lookup(DispatcherSelector.fromConfig("prism-actor-dispatcher")).execute(() -> {
                try {
                    callTimeout.complete(ConfigFactory.load().getDuration("prism.call-timeout"));
                } catch (RuntimeException e) {
                    callTimeout.completeExceptionally(e);
                }
            });

            assertThat(callTimeout.get(10, TimeUnit.SECONDS)).isPositive();
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    @Test
    void pekkoFindsNoReferenceSettingsToParseAgainButEveryClass(@TempDir Path dir) throws Exception {
        ExecutorConfig.Loaded loaded = ExecutorConfig.load(fromWorker(dir, Map.of()));
        ClassLoader loader = loaded.classLoader();

        assertThat(getClass().getClassLoader().getResource("reference.conf")).isNotNull();
        assertThat(loader.getResource("reference.conf")).isNull();
        assertThat(loader.getResources("reference.conf").hasMoreElements()).isFalse();
        assertThat(ConfigFactory.defaultReferenceUnresolved(loader).hasPath("pekko")).isFalse();
        assertThat(loader.getResource("prism-pekko.conf")).isNotNull();
        assertThat(Class.forName(ActorSystem.class.getName(), false, loader)).isSameAs(ActorSystem.class);

        loaded.systemStarted();
        assertThat(loader.getResource("reference.conf")).isNotNull();
        assertThat(ConfigFactory.defaultReference(loader).hasPath("pekko.actor")).isTrue();
    }
}
