package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.serialization.ProtocolSerializers.ActorRefSerializer;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.ExtensionId;
import org.objenesis.strategy.StdInstantiatorStrategy;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prism's configured Kryo, pooled: Kryo instances are not thread-safe, so each (de)serialization borrows an
 * instance with its output and input buffers and gives them back. One per actor system ({@link #get}), shared by the
 * Pekko serializer and the call path.
 *
 * <p>An instance that failed mid-way (a refused class, a payload too large, corrupt bytes) is dropped rather than
 * returned: Kryo's state after an exception is not something to reuse. Buffers that grew for a large payload are
 * shrunk before they go back, so the pool does not hold megabytes per idle instance.
 */
public final class PrismKryo implements Extension {
    private static final int INITIAL_BUFFER = 4 * 1024;
    private static final int KEPT_BUFFER = 256 * 1024;
    private static final int MAX_DEPTH = 500;
    private static final byte[] EMPTY = new byte[0];

    private static final ExtensionId<PrismKryo> ID = new AbstractExtensionId<>() {
        @Override
        public PrismKryo createExtension(ExtendedActorSystem system) {
            return new PrismKryo(WireSettings.from(system.settings().config()), system.dynamicAccess().classLoader(),
                new ActorRefs(system));
        }
    };

    private final WireSettings settings;
    private final AllowList allowList;
    private final ClassLoader classLoader;
    private final ActorRefs refs;
    private final CodecPool<Codec> pool;
    private final AtomicLong dropped = new AtomicLong();

    /** Without an actor system: user values only ({@link #encode}, {@link #decode}); ActorRefs cannot travel. */
    public PrismKryo(WireSettings settings) {
        this(settings, PrismKryo.class.getClassLoader(), null);
    }

    PrismKryo(WireSettings settings, ClassLoader classLoader, ActorRefs refs) {
        this.settings = settings;
        this.allowList = new AllowList(settings.allowedPackages());
        this.classLoader = classLoader;
        this.refs = refs;
        this.pool = new CodecPool<>(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()), Codec::new);
    }

    /** The one PrismKryo of an actor system, made from its {@code prism.serialization} settings. */
    public static PrismKryo get(ClassicActorSystemProvider system) {
        return ID.get(system);
    }

    public WireSettings settings() {
        return settings;
    }

    /**
     * Encodes user values (a call's {@code Object[]} arguments, or a return value) on the calling thread.
     *
     * @throws WireException naming the class and setting when a class may not travel, or the size and setting when
     *                       the value is over {@code prism.serialization.max-payload}
     */
    public WirePayload encode(Object value) {
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            c.output.reset();
            c.kryo.writeClassAndObject(c.output, value);
            WirePayload payload;
            if (c.output.getBuffer().length > KEPT_BUFFER) {
                payload = new WirePayload(c.output.getBuffer(), c.output.position());
                c.output.setBuffer(new byte[INITIAL_BUFFER], settings.maxPayload());
            } else {
                payload = new WirePayload(c.output.toBytes());
            }
            ok = true;
            return payload;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure("a value of " + describe(value), e, true);
        } finally {
            release(c, ok);
        }
    }

    /** Decodes what {@link #encode} made, on any JVM with the same allow-list. */
    public Object decode(WirePayload payload) {
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            c.input.setBuffer(payload.bytes(), 0, payload.size());
            Object value = c.kryo.readClassAndObject(c.input);
            ok = true;
            return value;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure("a payload of " + payload.size() + " bytes", e, false);
        } finally {
            release(c, ok);
        }
    }

    /** A top-level message (its class is told by the manifest, so it is not written). */
    byte[] toBytes(Object message) {
        WireRegistry.manifest(message.getClass());
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            c.output.reset();
            c.kryo.writeObject(c.output, message);
            byte[] bytes = c.output.toBytes();
            ok = true;
            return bytes;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(describe(message), e, true);
        } finally {
            release(c, ok);
        }
    }

    /** A top-level message straight into the transport's buffer: one copy, no allocation. */
    void toBuffer(Object message, ByteBuffer target) {
        WireRegistry.manifest(message.getClass());
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            c.output.reset();
            c.kryo.writeObject(c.output, message);
            int size = c.output.position();
            if (size > target.remaining()) {
                throw new WireException(describe(message) + " is " + size + " bytes, but the transport's frame has "
                    + "room for " + target.remaining() + ": set pekko.remote.artery.advanced.maximum-frame-size "
                    + "above prism.serialization.max-payload (" + settings.maxPayload() + " bytes)");
            }
            target.put(c.output.getBuffer(), 0, size);
            ok = true;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(describe(message), e, true);
        } finally {
            release(c, ok);
        }
    }

    /** A top-level message of a known class from {@code length} bytes at {@code offset}. */
    <T> T fromBytes(byte[] bytes, int offset, int length, Class<T> type) {
        checkIncomingSize(length, type);
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            T message = read(c, bytes, offset, length, type);
            ok = true;
            return message;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(type.getSimpleName(), e, false);
        } finally {
            release(c, ok);
        }
    }

    /** A top-level message from the transport's buffer, copied into a pooled array first only when it has none. */
    <T> T fromBuffer(ByteBuffer source, Class<T> type) {
        int length = source.remaining();
        checkIncomingSize(length, type);
        Codec c = pool.obtain();
        boolean ok = false;
        try {
            T message;
            if (source.hasArray()) {
                message = read(c, source.array(), source.arrayOffset() + source.position(), length, type);
            } else {
                if (c.scratch.length < length) {
                    c.scratch = new byte[Math.max(length, INITIAL_BUFFER)];
                }
                source.duplicate().get(c.scratch, 0, length);
                message = read(c, c.scratch, 0, length, type);
            }
            source.position(source.limit());
            ok = true;
            return message;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(type.getSimpleName(), e, false);
        } finally {
            release(c, ok);
        }
    }

    private static <T> T read(Codec c, byte[] bytes, int offset, int length, Class<T> type) {
        c.input.setBuffer(bytes, offset, length);
        T message = c.kryo.readObject(c.input, type);
        if (c.input.position() != offset + length) {
            throw new WireException((offset + length - c.input.position()) + " bytes left over after reading "
                + type.getSimpleName() + ": sender and receiver disagree on the wire format (different Prism "
                + "versions?)");
        }
        return message;
    }

    /** How many pooled instances were dropped after a failure; for tests. */
    long dropped() {
        return dropped.get();
    }

    private void checkIncomingSize(int length, Class<?> type) {
        if (length > settings.maxPayload()) {
            throw new WireException("an incoming " + type.getSimpleName() + " of " + length + " bytes is over "
                + WireSettings.MAX_PAYLOAD + " (" + settings.maxPayload() + " bytes) on this node: give every "
                + "node the same setting");
        }
    }

    private void release(Codec c, boolean ok) {
        if (!ok) {
            dropped.incrementAndGet();
            return;
        }
        if (c.output.getBuffer().length > KEPT_BUFFER) {
            c.output.setBuffer(new byte[INITIAL_BUFFER], settings.maxPayload());
        }
        if (c.scratch.length > KEPT_BUFFER) {
            c.scratch = EMPTY;
        }
        c.input.setBuffer(EMPTY);
        pool.free(c);
    }

    private WireException failure(String what, Throwable e, boolean writing) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WireException w) {
                return w;
            }
            if (t instanceof WireOutput.TooLarge large) {
                return new WireException(what + " is at least " + large.atLeast + " bytes, over "
                    + WireSettings.MAX_PAYLOAD + " (" + settings.maxPayload() + " bytes): send less per call (split "
                    + "the array), or raise " + WireSettings.MAX_PAYLOAD + " on every node (with "
                    + "pekko.remote.artery.advanced.maximum-frame-size above it)");
            }
        }
        if (e instanceof StackOverflowError || e instanceof KryoException && String.valueOf(e.getMessage())
            .startsWith("Max depth exceeded")) {
            return new WireException(what + " nests deeper than " + MAX_DEPTH + " levels: a cyclic object graph "
                + "cannot travel (shared references are not tracked on the wire); send a tree of values", e);
        }
        return new WireException("could not " + (writing ? "write " : "read ") + what + ": " + e.getMessage(), e);
    }

    private static String describe(Object message) {
        if (message == null) {
            return "null";
        }
        if (message instanceof Invoke invoke) {
            return "Invoke " + invoke.method().display();
        }
        return message.getClass().getSimpleName();
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo(new WireClassResolver(allowList), new MapReferenceResolver());
        kryo.setRegistrationRequired(false);
        kryo.setWarnUnregisteredClasses(false);
        kryo.setReferences(false);
        kryo.setMaxDepth(MAX_DEPTH);
        kryo.setClassLoader(classLoader);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        WireRegistry.registerAll(kryo, new ActorRefSerializer(refs));
        return kryo;
    }

    /** One borrowed unit: a Kryo and the buffers it writes to and reads from. */
    private final class Codec {
        final Kryo kryo = newKryo();
        final WireOutput output = new WireOutput(INITIAL_BUFFER, settings.maxPayload());
        final Input input = new Input();
        byte[] scratch = EMPTY;
    }
}
