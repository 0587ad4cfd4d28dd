package io.prism.runtime.serialization;

import io.prism.runtime.serialization.allowed.Basket;
import io.prism.runtime.serialization.allowed.Color;
import io.prism.runtime.serialization.allowed.Declined;
import io.prism.runtime.serialization.allowed.Transaction;
import io.prism.runtime.serialization.refused.Secret;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Call arguments and results through {@link PrismKryo#encode} and {@link PrismKryo#decode}, as a caller sees them. */
class UserValuesWireTest {
    static final String ALLOWED = "io.prism.runtime.serialization.allowed";
    static final int MAX = 16 << 20;

    private final PrismKryo kryo = new PrismKryo(new WireSettings(List.of(ALLOWED), MAX));

    private Object roundTrip(Object value) {
        return kryo.decode(kryo.encode(value));
    }

    @Test
    void jdkValueTypesRoundTrip() {
        List<Object> values = List.of("héllo ✓", 42, 42L, 4.2d, 4.2f, (short) 7, (byte) 3, 'x', true,
            new BigInteger("123456789012345678901234567890"), new BigDecimal("-1234.5678"), UUID.randomUUID(),
            URI.create("s3://bucket/model.onnx"), Instant.parse("2025-01-02T03:04:05.123456Z"), Duration.ofMillis(1500),
            LocalDate.of(2025, 2, 28), LocalTime.of(13, 37), LocalDateTime.of(2025, 2, 28, 13, 37),
            ZonedDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneId.of("Europe/Paris")),
            OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneOffset.ofHours(-5)), Period.ofDays(3), Year.of(2030),
            YearMonth.of(2025, 12), MonthDay.of(2, 29), DayOfWeek.FRIDAY, TimeUnit.SECONDS, Optional.of("model"),
            Optional.empty(), OptionalInt.of(5), ZoneId.of("America/New_York"));
        for (Object v : values) {
            assertThat(roundTrip(v)).as("%s (%s)", v, v.getClass()).isEqualTo(v);
        }
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void collectionsRoundTripAsTheSameKind() {
        List<Object> values = List.of(new ArrayList<>(List.of(1, "two", 3.0)), new LinkedList<>(List.of("a", "b")),
            new HashMap<>(Map.of("k", 1, "j", 2)), new TreeMap<>(Map.of("b", 2, "a", 1)),
            new HashSet<>(Set.of(1, 2)), new TreeSet<>(Set.of("z", "y")),
            EnumSet.of(Color.RED, Color.GREEN), List.of(), List.of(1), List.of(1, 2, 3, 4), Set.of(),
            Set.of("one"), Set.of(1, 2, 3), Map.of(), Map.of("k", "v"), Map.of("a", 1, "b", 2, "c", 3),
            List.of(1, 2, 3, 4).subList(1, 3), Arrays.asList("x", null), Collections.emptyList(),
            Collections.emptyMap(), Collections.singletonList("s"), Collections.singleton(9),
            Collections.singletonMap("k", 1L), Optional.of(List.of(1.5f)));
        for (Object v : values) {
            assertThat(roundTrip(v)).as("%s (%s)", v, v.getClass()).isEqualTo(v);
        }

        LinkedHashMap<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("zeta", 1);
        ordered.put("alpha", 2);
        Object deque = roundTrip(new ArrayDeque<>(List.of(1, 2, 3)));
        assertThat(deque).isInstanceOf(ArrayDeque.class);
        assertThat(List.copyOf((ArrayDeque<?>) deque)).isEqualTo(List.of(1, 2, 3));
        Object orderedBack = roundTrip(ordered);
        assertThat(orderedBack).isInstanceOf(LinkedHashMap.class);
        assertThat(List.copyOf(((Map<?, ?>) orderedBack).keySet())).isEqualTo(List.of("zeta", "alpha"));
        assertThat(List.copyOf((Set<?>) roundTrip(new LinkedHashSet<>(List.of("c", "a", "b")))))
            .isEqualTo(List.of("c", "a", "b"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void immutableAndUnmodifiableCollectionsStaySo() {
        List<Object> withNull = (List<Object>) roundTrip(Stream.of("a", null, "b").toList());
        assertThat(withNull).containsExactly("a", null, "b");
        List<Object> of = (List<Object>) roundTrip(List.of(1, 2, 3));
        Map<Object, Object> map = (Map<Object, Object>) roundTrip(Map.of("a", 1));
        Set<Object> set = (Set<Object>) roundTrip(Set.of("a"));
        List<Object> view = (List<Object>) roundTrip(Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))));
        Map<Object, Object> mapView = (Map<Object, Object>) roundTrip(Collections.unmodifiableMap(Map.of("k", 2)));
        assertThat(view).containsExactly(1, 2);
        assertThat(mapView).containsEntry("k", 2);
        for (Runnable mutation : List.<Runnable>of(() -> withNull.add("c"), () -> of.add(4), () -> map.put("b", 2),
            () -> set.add("b"), () -> view.add(3), () -> mapView.put("j", 1))) {
            assertThatThrownBy(mutation::run).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void arraysRoundTripElementForElement() {
        float[] floats = {1.5f, -0f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE};
        Object[] args = {floats, new byte[]{1, -2, 127}, new int[]{Integer.MIN_VALUE, 0, 7},
            new long[]{Long.MAX_VALUE, -1}, new double[]{Math.PI, Double.NEGATIVE_INFINITY}, new short[]{-3, 4},
            new char[]{'a', '✓'}, new boolean[]{true, false}, new String[]{"s", null},
            new float[][]{{1f, 2f}, {}, null}, new int[][][]{{{1}, {2, 3}}}, new Object[]{1, "two", new int[]{3}},
            new UUID[]{UUID.randomUUID()}, new Transaction[]{tx("t1")}, new Color[]{Color.AMBER}};
        Object[] back = (Object[]) roundTrip(args);
        assertThat(back).hasSameSizeAs(args);
        for (int i = 0; i < args.length; i++) {
            assertThat(back[i]).as("element %d", i).isInstanceOf(args[i].getClass());
        }
        assertThat(back).isEqualTo(args);
        assertThat(Float.floatToRawIntBits(((float[]) back[0])[1])).isEqualTo(Float.floatToRawIntBits(-0f));
    }

    @Test
    void userRecordsClassesAndEnumsOfAnAllowedPackageRoundTrip() {
        Transaction tx = tx("t-1");
        Basket basket = new Basket("ada").add(tx).add(Color.RED).add(List.of(tx("t-2"))).note(Map.of("k", 1));
        Object[] args = {tx, basket, Color.GREEN, 3, "scale"};
        assertThat((Object[]) roundTrip(args)).containsExactly(args);
        assertThat(roundTrip(new Basket("empty"))).isEqualTo(new Basket("empty"));
    }

    @Test
    void aRefusedClassNamesItselfAndTheSettingAndThePoolKeepsWorking() {
        String refused = "class io.prism.runtime.serialization.refused.Secret is not allowed on the wire: add "
            + "\"io.prism.runtime.serialization.refused\" to prism.serialization.allowed-packages (or send a JDK "
            + "value type)";
        assertThatThrownBy(() -> kryo.encode(new Object[]{1, new Secret("pin")}))
            .isInstanceOf(WireException.class).hasMessage(refused);
        assertThatThrownBy(() -> kryo.encode(new Basket("b").add(List.of(Map.of("k", new Secret("deep"))))))
            .isInstanceOf(WireException.class).hasMessage(refused);
        assertThat(kryo.dropped()).isEqualTo(2);

        for (int i = 0; i < 100; i++) {
            assertThat(roundTrip(new Object[]{tx("after-" + i)})).isEqualTo(new Object[]{tx("after-" + i)});
        }
        assertThat(kryo.dropped()).isEqualTo(2);
        assertThatThrownBy(() -> kryo.encode(new Secret("again"))).hasMessage(refused);
    }

    @Test
    void theReceiverChecksTheAllowListToo() {
        PrismKryo lenient = new PrismKryo(new WireSettings(List.of(ALLOWED, "io.prism.runtime.serialization.refused"),
            MAX));
        WirePayload payload = lenient.encode(List.of(tx("ok"), new Secret("pin")));
        assertThat(lenient.decode(payload)).isEqualTo(List.of(tx("ok"), new Secret("pin")));
        assertThatThrownBy(() -> kryo.decode(payload)).isInstanceOf(WireException.class)
            .hasMessageStartingWith("class io.prism.runtime.serialization.refused.Secret is not allowed on the wire");
        assertThat(kryo.decode(kryo.encode(tx("next")))).isEqualTo(tx("next"));
    }

    @Test
    void exceptionsClassesLambdasAndOtherJdkTypesNeverTravel() {
        assertThatThrownBy(() -> kryo.encode(new IllegalStateException("boom"))).isInstanceOf(WireException.class)
            .hasMessageStartingWith("java.lang.IllegalStateException is an exception, and exceptions never travel");
        assertThatThrownBy(() -> kryo.encode(List.of(new Declined("card")))).isInstanceOf(WireException.class)
            .hasMessageStartingWith(Declined.class.getName() + " is an exception");
        assertThatThrownBy(() -> kryo.encode(String.class)).isInstanceOf(WireException.class)
            .hasMessage("java.lang.Class objects never travel: send the class name as a String");
        Supplier<String> lambda = () -> "x";
        assertThatThrownBy(() -> kryo.encode(new Basket("b").note(lambda))).isInstanceOf(WireException.class)
            .hasMessageContaining("is a lambda, proxy or generated class");
        assertThatThrownBy(() -> kryo.encode(new Date())).isInstanceOf(WireException.class)
            .hasMessageStartingWith("class java.util.Date is not allowed on the wire: it is not one of the JDK value "
                + "types Prism sends");
    }

    @Test
    void eightMebibytesOfFloatsRoundTripAndMoreThanTheLimitFailsClearly() {
        float[] tensor = new float[2 << 20];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = i * 0.5f;
        }
        WirePayload payload = kryo.encode(new Object[]{tensor, "model-a"});
        assertThat(payload.size()).isBetween(8 << 20, (8 << 20) + 64);
        Object[] back = (Object[]) kryo.decode(payload);
        assertThat((float[]) back[0]).isEqualTo(tensor);

        float[] tooBig = new float[(MAX / 4) + 1];
        assertThatThrownBy(() -> kryo.encode(new Object[]{tooBig})).isInstanceOf(WireException.class)
            .hasMessageMatching("a value of Object\\[] is at least 167772\\d\\d bytes, over "
                + "prism\\.serialization\\.max-payload \\(16777216 bytes\\): send less per call .*");
        assertThatThrownBy(() -> kryo.encode(new byte[MAX])).isInstanceOf(WireException.class)
            .hasMessageContaining("over prism.serialization.max-payload");
        assertThat(kryo.decode(kryo.encode(new byte[]{1}))).isEqualTo(new byte[]{1});
    }

    @Test
    void aCyclicGraphFailsInsteadOfOverflowingTheStack() {
        Basket a = new Basket("a");
        Basket b = new Basket("b").add(a);
        a.add(b);
        assertThatThrownBy(() -> kryo.encode(a)).isInstanceOf(WireException.class)
            .hasMessageContaining("nests deeper than 500 levels: a cyclic object graph cannot travel");
        assertThat(roundTrip(tx("fine"))).isEqualTo(tx("fine"));
    }

    @Test
    void truncatedBytesFailWithAWireException() {
        WirePayload payload = kryo.encode(new float[1000]);
        WirePayload cut = new WirePayload(Arrays.copyOf(payload.bytes(), 100));
        assertThatThrownBy(() -> kryo.decode(cut)).isInstanceOf(WireException.class)
            .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void manyThreadsShareOnePool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                jobs.add(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        Object[] args = {tx(thread + "-" + i), new float[]{thread, i}, List.of(thread, i)};
                        if (!Arrays.deepEquals((Object[]) roundTrip(args), args)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Transaction tx(String id) {
        return new Transaction(id, 12_345, Instant.parse("2025-03-01T10:00:00Z"), Color.AMBER, List.of("web", id));
    }
}
