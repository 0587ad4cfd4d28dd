package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.PlacementStrategy;
import io.prism.resources.device.GpuDevice;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import io.prism.runtime.call.Replies;
import io.prism.runtime.manager.ResourceManager;
import io.prism.runtime.node.ExecutorGuardian;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.protocol.ActorLocation;
import io.prism.runtime.protocol.ActorMoved;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.CtorRef;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.JdkSerializers.ImmutableListSerializer;
import io.prism.runtime.serialization.JdkSerializers.ImmutableMapSerializer;
import io.prism.runtime.serialization.JdkSerializers.ImmutableSetSerializer;
import io.prism.runtime.serialization.JdkSerializers.StackTraceElementSerializer;
import io.prism.runtime.serialization.JdkSerializers.UnmodifiableCollectionSerializer;
import io.prism.runtime.serialization.JdkSerializers.UnmodifiableMapSerializer;
import io.prism.runtime.serialization.PrimitiveArraySerializer.Kind;
import io.prism.runtime.serialization.ProtocolSerializers.ActorRefSerializer;
import io.prism.runtime.serialization.ProtocolSerializers.ActorSpecSerializer;
import io.prism.runtime.serialization.ProtocolSerializers.InvokeSerializer;
import io.prism.runtime.serialization.ProtocolSerializers.LocalOnlySerializer;
import io.prism.runtime.serialization.ProtocolSerializers.MethodRefSerializer;
import io.prism.runtime.serialization.ProtocolSerializers.ReplyOkSerializer;
import io.prism.runtime.serialization.ProtocolSerializers.WirePayloadSerializer;
import org.apache.pekko.actor.typed.ActorRef;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The fixed Kryo ids of every class Prism writes by id. These ids are the wire format: the same on every JVM and
 * every version, so a class keeps its id for good; a new class takes the next free id at the end of its block, and a
 * removed class leaves its id unused. The manifest of a top-level message is its id.
 * <ul>
 *   <li>0-9: Kryo's own (0-8: int, String, float, boolean, byte, char, short, long, double, boxed types included);</li>
 *   <li>10-99: JDK value types, arrays and collections that user values may contain;</li>
 *   <li>100-: Prism's messages and the types inside them. Private messages (self-messages) are named by their binary
 *   name, as no other class may refer to them.</li>
 * </ul>
 */
final class WireRegistry {

    /**
     * One fixed registration; {@code serializer} is null where Kryo's default serializer for the class is right.
     * A {@code localOnly} message carries in-process objects (a future, a receptionist listing) and is only ever
     * told to an actor of its own JVM; it has an id so the table stays complete, and writing it fails clearly.
     */
    record Entry(int id, Class<?> type, Function<ActorRefSerializer, Serializer<?>> serializer, boolean localOnly) {
    }

    private static final List<Entry> TABLE = List.of(
        jdk(10, Object[].class),
        array(11, Kind.BYTE),
        array(12, Kind.FLOAT),
        array(13, Kind.DOUBLE),
        array(14, Kind.INT),
        array(15, Kind.LONG),
        array(16, Kind.SHORT),
        array(17, Kind.CHAR),
        jdk(18, boolean[].class),
        jdk(19, String[].class),
        jdk(20, byte[][].class),
        jdk(21, float[][].class),
        jdk(22, double[][].class),
        jdk(23, int[][].class),
        jdk(24, long[][].class),
        jdk(25, BigInteger.class),
        jdk(26, BigDecimal.class),
        custom(27, UUID.class, r -> new DefaultSerializers.UUIDSerializer()),
        custom(28, URI.class, r -> new DefaultSerializers.URISerializer()),
        jdk(29, Optional.class),
        jdk(30, OptionalInt.class),
        jdk(31, OptionalLong.class),
        jdk(32, OptionalDouble.class),
        jdk(33, ArrayList.class),
        jdk(34, LinkedList.class),
        jdk(35, ArrayDeque.class),
        jdk(36, HashMap.class),
        jdk(37, LinkedHashMap.class),
        jdk(38, TreeMap.class),
        jdk(39, HashSet.class),
        jdk(40, LinkedHashSet.class),
        jdk(41, TreeSet.class),
        jdk(42, EnumSet.class),
        custom(43, List.of(1).getClass(), r -> new ImmutableListSerializer()),
        custom(44, List.of(1, 2, 3).getClass(), r -> new ImmutableListSerializer()),
        custom(45, List.of(1, 2, 3).subList(0, 1).getClass(), r -> new ImmutableListSerializer()),
        custom(46, Set.of(1).getClass(), r -> new ImmutableSetSerializer()),
        custom(47, Set.of(1, 2, 3).getClass(), r -> new ImmutableSetSerializer()),
        custom(48, Map.of(1, 2).getClass(), r -> new ImmutableMapSerializer()),
        custom(49, Map.of(1, 2, 3, 4).getClass(), r -> new ImmutableMapSerializer()),
        jdk(50, Arrays.asList(1).getClass()),
        jdk(51, Collections.emptyList().getClass()),
        jdk(52, Collections.emptySet().getClass()),
        jdk(53, Collections.emptyMap().getClass()),
        jdk(54, Collections.singletonList(1).getClass()),
        jdk(55, Collections.singleton(1).getClass()),
        jdk(56, Collections.singletonMap(1, 2).getClass()),
        custom(57, Collections.unmodifiableList(new ArrayList<>()).getClass(),
            r -> new UnmodifiableCollectionSerializer()),
        custom(58, Collections.unmodifiableList(new LinkedList<>()).getClass(),
            r -> new UnmodifiableCollectionSerializer()),
        custom(59, Collections.unmodifiableSet(new HashSet<>()).getClass(),
            r -> new UnmodifiableCollectionSerializer()),
        custom(60, Collections.unmodifiableCollection(new ArrayList<>()).getClass(),
            r -> new UnmodifiableCollectionSerializer()),
        custom(61, Collections.unmodifiableMap(new HashMap<>()).getClass(), r -> new UnmodifiableMapSerializer()),
        jdk(62, Duration.class),
        jdk(63, Instant.class),
        jdk(64, LocalDate.class),
        jdk(65, LocalTime.class),
        jdk(66, LocalDateTime.class),
        jdk(67, ZonedDateTime.class),
        jdk(68, OffsetDateTime.class),
        jdk(69, OffsetTime.class),
        jdk(70, ZoneOffset.class),
        jdk(71, ZoneId.of("Europe/Paris").getClass()),
        jdk(72, Period.class),
        jdk(73, Year.class),
        jdk(74, YearMonth.class),
        jdk(75, MonthDay.class),
        jdk(76, DayOfWeek.class),
        jdk(77, Month.class),
        jdk(78, TimeUnit.class),
        jdk(79, ChronoUnit.class),
        custom(80, StackTraceElement.class, r -> new StackTraceElementSerializer()),
        jdk(81, StackTraceElement[].class),

        custom(100, ActorRef.class, r -> r),
        record(101, ActorId.class),
        record(102, ActorPlacement.class),
        jdk(103, ActorState.class),
        jdk(104, Isolation.class),
        jdk(105, PlacementStrategy.class),
        record(106, ClusterState.class),
        record(107, ClusterState.Node.class),
        record(108, ClusterState.GpuState.class),
        record(109, ClusterState.Actor.class),
        record(110, ClusterState.Pending.class),
        record(111, GpuDevice.class),
        record(112, Allocation.class),
        record(113, AllocationKey.class),
        record(114, ResourceShape.class),
        record(115, NodeId.class),
        record(116, CtorRef.class),
        custom(117, MethodRef.class, r -> new MethodRefSerializer()),
        custom(118, ActorSpec.class, r -> new ActorSpecSerializer()),
        record(119, ActorLocation.class),
        record(120, ErrorInfo.class),
        jdk(121, ErrorInfo.Kind.class),
        custom(122, Invoke.class, InvokeSerializer::new),
        custom(123, Reply.Ok.class, r -> new ReplyOkSerializer()),
        record(124, Reply.Failed.class),
        custom(125, WirePayload.class, r -> new WirePayloadSerializer()),
        record(126, Replies.Watch.class),
        record(127, named("io.prism.runtime.call.Replies$HostTerminated")),
        // 128 was Replies$Tick (timeouts are swept off the reply actor now): retired, never reused
        record(129, ResourceManager.RegisterNode.class),
        record(130, ResourceManager.CreateActor.class),
        record(131, ResourceManager.KillActor.class),
        record(132, ResourceManager.Locate.class),
        record(133, ResourceManager.LookupName.class),
        record(134, ResourceManager.GetState.class),
        record(135, ResourceManager.ActorStarted.class),
        record(136, ResourceManager.ActorStartFailed.class),
        record(137, ResourceManager.ActorStopped.class),
        jdk(138, named("io.prism.runtime.manager.ResourceManager$Tick")),
        record(139, NodeAgent.StartActor.class),
        record(140, NodeAgent.StopActor.class),
        record(141, NodeAgent.Registered.class),
        record(142, named("io.prism.runtime.node.NodeAgent$HostStarted")),
        record(143, named("io.prism.runtime.node.NodeAgent$HostStartFailed")),
        record(144, named("io.prism.runtime.node.NodeAgent$HostDied")),
        record(145, named("io.prism.runtime.node.NodeAgent$HostTerminated")),
        record(146, NodeAgent.NodeInfo.class),
        record(147, named("io.prism.runtime.node.ActorHost$Done")),
        record(148, named("io.prism.runtime.node.ActorHost$Fatal")),
        record(149, NodeAgent.Reregister.class),
        local(150, NodeAgent.Drain.class),
        record(151, NodeAgent.Drained.class),
        record(152, NodeAgent.HostedActor.class),
        record(153, ResourceManager.DrainNode.class),
        local(154, named("io.prism.runtime.manager.ResourceManager$AgentsListed")),
        record(155, named("io.prism.runtime.manager.ResourceManager$AgentStopped")),
        jdk(156, named("io.prism.runtime.manager.ResourceManager$RecoveryDone")),
        local(157, named("io.prism.runtime.manager.ResourceManager$Resubmit")),
        record(158, ActorMoved.class),
        local(159, named("io.prism.runtime.node.ActorHost$Retire")),
        // executor processes and node events (issue 4)
        record(180, ClusterState.Event.class),
        record(181, ResourceManager.NodeEvent.class),
        record(182, NodeAgent.ExecutorUp.class),
        local(183, named("io.prism.runtime.node.NodeAgent$ExecutorExited")),
        local(184, named("io.prism.runtime.node.NodeAgent$ExecutorOverdue")),
        record(185, ExecutorGuardian.HostActor.class),
        record(186, ExecutorGuardian.StopHost.class),
        record(187, ExecutorGuardian.RetireHost.class),
        local(188, named("io.prism.runtime.node.ExecutorGuardian$AgentGone")),
        local(189, named("io.prism.runtime.node.ExecutorGuardian$HostGone")),
        local(190, NodeAgent.MpsWatched.class),
        local(191, named("io.prism.runtime.node.NodeAgent$Prestart")));

    private static final Map<Class<?>, Entry> BY_CLASS = new HashMap<>();
    private static final Map<String, Class<?>> BY_MANIFEST = new HashMap<>();

    static {
        for (Entry e : TABLE) {
            if (BY_CLASS.put(e.type(), e) != null) {
                throw new IllegalStateException("wire registration " + e.id() + ": " + e.type().getName()
                    + " is registered twice");
            }
            if (BY_MANIFEST.put(Integer.toString(e.id()), e.type()) != null) {
                throw new IllegalStateException("wire id " + e.id() + " is used twice");
            }
        }
    }

    private WireRegistry() {
    }

    /** Registers the whole table in a new Kryo instance. */
    static void registerAll(Kryo kryo, ActorRefSerializer refs) {
        for (Entry e : TABLE) {
            Serializer<?> serializer = e.serializer() == null ? kryo.getDefaultSerializer(e.type())
                : e.serializer().apply(refs);
            kryo.register(e.type(), serializer, e.id());
        }
    }

    static List<Entry> entries() {
        return TABLE;
    }

    /** The fixed registration of a class, or null. */
    static Entry entryOf(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** Manifests by class, made once: Artery asks for one per message sent. */
    private static final ClassValue<String> MANIFESTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Entry e = BY_CLASS.get(type);
            return e == null ? null : Integer.toString(e.id());
        }
    };

    /** The manifest of a top-level message: its fixed id. */
    static String manifest(Class<?> type) {
        String manifest = MANIFESTS.get(type);
        if (manifest == null) {
            throw new WireException(type.getName() + " is a PrismMessage without a fixed wire id: add it at the end "
                + "of the table in " + WireRegistry.class.getName());
        }
        return manifest;
    }

    /** The class of a manifest, or null when this JVM does not know it (a newer sender). */
    static Class<?> typeOf(String manifest) {
        return BY_MANIFEST.get(manifest);
    }

    private static Entry jdk(int id, Class<?> type) {
        return new Entry(id, type, null, false);
    }

    private static Entry array(int id, Kind kind) {
        Class<?> type = switch (kind) {
            case BYTE -> byte[].class;
            case SHORT -> short[].class;
            case CHAR -> char[].class;
            case INT -> int[].class;
            case LONG -> long[].class;
            case FLOAT -> float[].class;
            case DOUBLE -> double[].class;
        };
        return new Entry(id, type, r -> new PrimitiveArraySerializer(kind), false);
    }

    private static Entry record(int id, Class<?> type) {
        return new Entry(id, type, r -> new RecordSerializer<>(type), false);
    }

    private static Entry local(int id, Class<?> type) {
        return new Entry(id, type, r -> new LocalOnlySerializer(), true);
    }

    private static Entry custom(int id, Class<?> type, Function<ActorRefSerializer, Serializer<?>> serializer) {
        return new Entry(id, type, serializer, false);
    }

    private static Class<?> named(String binaryName) {
        try {
            return Class.forName(binaryName, false, WireRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the wire table names " + binaryName + ", which does not exist: when a "
                + "message class is renamed, rename it in " + WireRegistry.class.getName() + " too (its id stays)", e);
        }
    }
}
