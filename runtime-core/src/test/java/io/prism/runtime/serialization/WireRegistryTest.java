package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards of the wire format: every message has a fixed id, and ids never move. */
class WireRegistryTest {

    @Test
    void everyPrismMessageClassOfRuntimeCoreHasAFixedId() throws Exception {
        List<Class<?>> messages = messageClasses();
        assertThat(messages).as("PrismMessage classes found in runtime-core's classes").hasSizeGreaterThan(20);
        List<String> missing = messages.stream().filter(c -> WireRegistry.entryOf(c) == null)
            .map(Class::getName).toList();
        assertThat(missing).as("PrismMessage classes without a fixed wire id: add each at the end of the table in "
            + "WireRegistry (and to wire-ids.txt)").isEmpty();
    }

    @Test
    void everyPermittedSubclassOfTheSealedProtocolsIsRegistered() {
        for (Class<?> sealed : List.of(ResourceManager.Command.class, NodeAgent.Command.class, Reply.class)) {
            for (Class<?> permitted : sealed.getPermittedSubclasses()) {
                assertThat(WireRegistry.entryOf(permitted)).as("%s has a fixed wire id", permitted.getName())
                    .isNotNull();
                assertThat(WireRegistry.typeOf(WireRegistry.manifest(permitted))).isEqualTo(permitted);
            }
        }
    }

    @Test
    void idsAreTheOnesEveryOtherJvmUses() throws IOException {
        List<String> table = WireRegistry.entries().stream().map(e -> e.id() + " " + e.type().getName()).toList();
        List<String> golden;
        try (InputStream in = getClass().getResourceAsStream("wire-ids.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertThat(table).as("the wire ids changed: a class keeps its id for good (they are in every frame); a new "
            + "class takes a new id at the end of its block, added to wire-ids.txt too").isEqualTo(golden);
    }

    @Test
    void kryosOwnIdsAreTheOnesTheTableBuildsOn() {
        Kryo kryo = new Kryo();
        List<Class<?>> own = new ArrayList<>();
        for (int id = 0; kryo.getRegistration(id) != null; id++) {
            own.add(kryo.getRegistration(id).getType());
        }
        assertThat(own).containsExactly(int.class, String.class, float.class, boolean.class, byte.class, char.class,
            short.class, long.class, double.class);
        assertThat(WireRegistry.entries()).allSatisfy(e -> assertThat(e.id()).isGreaterThanOrEqualTo(10));
    }

    /** Every concrete PrismMessage class compiled from runtime-core's main sources. */
    private static List<Class<?>> messageClasses() throws URISyntaxException, IOException, ClassNotFoundException {
        Path root = Path.of(PrismMessage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("runtime-core's classes as a directory (run from Maven)").isDirectory();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                    WireRegistryTest.class.getClassLoader());
                if (PrismMessage.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
