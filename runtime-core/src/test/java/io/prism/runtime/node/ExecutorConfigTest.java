package io.prism.runtime.node;

import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.KryoSerializer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutorConfigTest {

    @Test
    void anExecutorSendsPrismsMessagesWithKryoAndRefusesTheClusterMessagesItHasNoSerializerFor(@TempDir Path dir)
        throws Exception {
        File fromWorker = Files.writeString(dir.resolve("executor.conf"), "prism.call-timeout = 5s").toFile();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "prism", ExecutorConfig.load(fromWorker));
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
}
