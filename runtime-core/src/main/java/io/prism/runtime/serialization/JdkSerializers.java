package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serializers for the JDK classes Kryo cannot handle by reflection (their fields are closed to it since Java 17):
 * stack trace elements, and the immutable and unmodifiable collections, which are read back as the same kind of
 * collection (unmodifiable), not necessarily the same class.
 */
final class JdkSerializers {
    private JdkSerializers() {
    }

    /**
     * A stack frame as {@code toString()} shows it: the class loader name is left out, and so is the version of
     * JDK modules, as the JDK itself leaves them out of a local stack trace.
     */
    static final class StackTraceElementSerializer extends ImmutableSerializer<StackTraceElement> {
        @Override
        public void write(Kryo kryo, Output output, StackTraceElement e) {
            String module = e.getModuleName();
            boolean jdk = module != null && (module.startsWith("java.") || module.startsWith("jdk."));
            output.writeString(module);
            output.writeString(jdk ? null : e.getModuleVersion());
            output.writeString(e.getClassName());
            output.writeString(e.getMethodName());
            output.writeString(e.getFileName());
            output.writeVarInt(e.getLineNumber(), false);
        }

        @Override
        public StackTraceElement read(Kryo kryo, Input input, Class<? extends StackTraceElement> type) {
            return new StackTraceElement(null, input.readString(), input.readString(), input.readString(),
                input.readString(), input.readString(), input.readVarInt(false));
        }
    }

    /**
     * {@code List.of}, {@code List.copyOf}, {@code Stream.toList()} (which may hold nulls) and their sub-lists:
     * read back as {@code List.of}, or as an unmodifiable list when there are nulls.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class ImmutableListSerializer extends CollectionSerializer<Collection> {
        @Override
        protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
            return new ArrayList<>(size);
        }

        @Override
        public Collection read(Kryo kryo, Input input, Class<? extends Collection> type) {
            List<Object> list = (List<Object>) super.read(kryo, input, type);
            if (list == null) {
                return null;
            }
            return list.contains(null) ? Collections.unmodifiableList(list) : List.of(list.toArray());
        }
    }

    /** {@code Set.of} and {@code Set.copyOf}, read back as {@code Set.of}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class ImmutableSetSerializer extends CollectionSerializer<Collection> {
        @Override
        protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
            return new HashSet<>();
        }

        @Override
        public Collection read(Kryo kryo, Input input, Class<? extends Collection> type) {
            Collection<Object> set = super.read(kryo, input, type);
            return set == null ? null : Set.copyOf(set);
        }
    }

    /** {@code Map.of} and {@code Map.copyOf}, read back as {@code Map.copyOf}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class ImmutableMapSerializer extends MapSerializer<Map> {
        @Override
        protected Map create(Kryo kryo, Input input, Class<? extends Map> type, int size) {
            return new HashMap<>();
        }

        @Override
        public Map read(Kryo kryo, Input input, Class<? extends Map> type) {
            Map<Object, Object> map = super.read(kryo, input, type);
            return map == null ? null : Map.copyOf(map);
        }
    }

    /** The {@code Collections.unmodifiableList/Set/Collection} views, read back as such views of copies. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class UnmodifiableCollectionSerializer extends CollectionSerializer<Collection> {
        @Override
        protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
            return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>(size);
        }

        @Override
        public Collection read(Kryo kryo, Input input, Class<? extends Collection> type) {
            Collection<Object> c = super.read(kryo, input, type);
            if (c == null) {
                return null;
            }
            if (List.class.isAssignableFrom(type)) {
                return Collections.unmodifiableList((List<Object>) c);
            }
            if (Set.class.isAssignableFrom(type)) {
                return Collections.unmodifiableSet((Set<Object>) c);
            }
            return Collections.unmodifiableCollection(c);
        }
    }

    /** The {@code Collections.unmodifiableMap} view, read back as such a view of an ordered copy. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class UnmodifiableMapSerializer extends MapSerializer<Map> {
        @Override
        protected Map create(Kryo kryo, Input input, Class<? extends Map> type, int size) {
            return new LinkedHashMap<>();
        }

        @Override
        public Map read(Kryo kryo, Input input, Class<? extends Map> type) {
            Map<Object, Object> map = super.read(kryo, input, type);
            return map == null ? null : Collections.unmodifiableMap(map);
        }
    }
}
