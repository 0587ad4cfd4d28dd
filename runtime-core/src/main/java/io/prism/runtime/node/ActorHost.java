package io.prism.runtime.node;

import io.prism.gpu.GpuContext;
import io.prism.runtime.call.Invokers;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.MethodRef;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.runtime.serialization.PrismKryo;
import io.prism.runtime.serialization.WireException;
import io.prism.spi.CurrentActor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts one incarnation of one user actor: runs its constructor, then its methods as {@link Invoke} messages
 * arrive, one at a time (or up to {@code maxConcurrency} at once on a separate pool), and replies to each caller's
 * reply actor. An {@link Error} thrown by actor code, or a fatal GPU fault, ends the incarnation: the host reports it
 * and stops.
 */
final class ActorHost extends AbstractBehavior<PrismMessage> {

    /** What the host tells its node agent. */
    interface Listener {
        void started(ActorRef<Invoke> host);

        void startFailed(ErrorInfo error);

        /** Actor code threw an Error, or a fatal GPU fault ({@code gpuFault}) that poisons its GPU context. */
        void died(ErrorInfo error, boolean gpuFault);
    }

    private record Done() implements PrismMessage {
    }

    private record Fatal() implements PrismMessage {
    }

    /** The actor runs elsewhere now: answer every later call with MOVED, so callers resend it there. */
    record Retire() implements PrismMessage {
    }

    private final ActorSpec spec;
    private final Listener listener;
    private final AutoCloseable gpu;
    private final CurrentActor.Binding binding;
    private final Object instance;
    private final Class<?> actorClass;
    private final Executor concurrentPool;
    private final StashBuffer<PrismMessage> waiting;
    private final PrismKryo wire;
    /** Taken once: calls on the pool and completions of returned stages run off the actor's thread. */
    private final ActorRef<PrismMessage> self;
    private int running;
    /** Calls running on the pool; the GPU context is closed only once none is left. */
    private final AtomicInteger onPool = new AtomicInteger();
    private volatile boolean stopped;
    /** This host's methods, in front of the shared cache; concurrent calls may fill it from several threads. */
    private final Map<MethodRef, Invokers.Invoker> invokers = new ConcurrentHashMap<>();

    static Behavior<PrismMessage> create(ActorSpec spec, Class<?> actorClass, GpuContext gpu, Listener listener,
                                         Executor concurrentPool) {
        return Behaviors.setup(ctx -> {
            CurrentActor.Binding binding = new CurrentActor.Binding(actorClass.getSimpleName(), gpu);
            CurrentActor.Binding previous = CurrentActor.bind(binding);
            Object instance;
            try {
                instance = Invokers.construct(actorClass, spec.constructor(), spec.args());
            } catch (Throwable t) {
                closeQuietly(gpu);
                listener.startFailed(ErrorInfo.of(ErrorInfo.Kind.CREATION_FAILED, t));
                return Behaviors.stopped();
            } finally {
                CurrentActor.restore(previous);
            }
            return Behaviors.withStash(Math.max(1_000, spec.maxConcurrency() * 1_000), stash -> {
                listener.started(ctx.getSelf().narrow());
                return new ActorHost(ctx, spec, actorClass, instance, gpu, binding, listener, concurrentPool, stash);
            });
        });
    }

    private ActorHost(ActorContext<PrismMessage> ctx, ActorSpec spec, Class<?> actorClass, Object instance,
                      GpuContext gpu, CurrentActor.Binding binding, Listener listener, Executor concurrentPool,
                      StashBuffer<PrismMessage> waiting) {
        super(ctx);
        this.spec = spec;
        this.actorClass = actorClass;
        this.instance = instance;
        this.gpu = gpu instanceof AutoCloseable c ? c : null;
        this.binding = binding;
        this.listener = listener;
        this.concurrentPool = concurrentPool;
        this.waiting = waiting;
        this.wire = PrismKryo.get(ctx.getSystem());
        this.self = ctx.getSelf();
    }

    @Override
    public Receive<PrismMessage> createReceive() {
        return newReceiveBuilder()
            .onMessage(Invoke.class, this::onInvoke)
            .onMessage(Done.class, d -> onDone())
            .onMessage(Fatal.class, f -> Behaviors.stopped())
            .onMessage(Retire.class, r -> retire())
            .onSignal(PostStop.class, s -> {
                stopped = true;
                if (onPool.get() == 0) {
                    closeQuietly(gpu);
                }
                return this;
            })
            .build();
    }

    private Behavior<PrismMessage> onInvoke(Invoke call) {
        if (spec.maxConcurrency() <= 1) {
            return invoke(call) ? this : Behaviors.stopped();
        }
        if (running >= spec.maxConcurrency()) {
            if (waiting.isFull()) {
                reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.INTERNAL, spec.describe() + " has "
                    + waiting.size() + " calls waiting; refusing more until it catches up")));
            } else {
                waiting.stash(call);
            }
            return this;
        }
        running++;
        ActorRef<PrismMessage> self = getContext().getSelf();
        onPool.incrementAndGet();
        concurrentPool.execute(() -> {
            boolean alive;
            try {
                alive = invoke(call);
            } finally {
                if (onPool.decrementAndGet() == 0 && stopped) {
                    closeQuietly(gpu);
                }
            }
            self.tell(alive ? new Done() : new Fatal());
        });
        return this;
    }

    private Behavior<PrismMessage> retire() {
        stopped = true;
        if (onPool.get() == 0) {
            closeQuietly(gpu);
        }
        String moved = spec.describe() + " moved to another node";
        return Behaviors.receive(PrismMessage.class)
            .onMessage(Invoke.class, call -> {
                reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.MOVED, moved)));
                return Behaviors.same();
            })
            .onAnyMessage(m -> Behaviors.same())
            .build();
    }

    private Behavior<PrismMessage> onDone() {
        running--;
        if (!waiting.isEmpty()) {
            return waiting.unstash(this, 1, m -> m);
        }
        return this;
    }

    /** Runs one call and replies; false when actor code threw an Error, which ends this incarnation. */
    private boolean invoke(Invoke call) {
        CurrentActor.Binding previous = CurrentActor.bind(binding);
        try {
            Invokers.Invoker invoker = invokers.get(call.method());
            if (invoker == null) {
                invoker = Invokers.method(actorClass, call.method());
                invokers.put(call.method(), invoker);
            }
            Object[] args;
            try {
                args = call.payload() == null ? call.args() : (Object[]) wire.decode(call.payload());
            } catch (WireException e) {
                reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.WIRE, "arguments of " + call.method().display()
                    + " could not be read on this node: " + e.getMessage())));
                return true;
            }
            Object result = invoker.invoke(instance, args);
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, error) -> completed(call, value, error == null ? null : unwrap(error)));
            } else {
                reply(call, ok(call, result));
            }
            return true;
        } catch (Throwable t) {
            boolean gpuFault = GpuFaults.isFatal(t);
            if (!(t instanceof Error) && !gpuFault) {
                reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.CALL_FAILED, t)));
                return true;
            }
            ErrorInfo error = ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, t);
            reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, spec.describe() + " died in "
                + call.method().display() + ": " + error.describe())));
            listener.died(error, gpuFault);
            return false;
        } finally {
            CurrentActor.restore(previous);
        }
    }

    /**
     * A method's {@code CompletionStage} finished, on whatever thread completed it. A fatal GPU fault that surfaces
     * there ends the incarnation as one thrown by the method would.
     */
    private void completed(Invoke call, Object value, Throwable error) {
        if (error == null) {
            reply(call, ok(call, value));
        } else if (GpuFaults.isFatal(error)) {
            ErrorInfo info = ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, error);
            reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, spec.describe() + " died in "
                + call.method().display() + ": " + info.describe())));
            listener.died(info, true);
            self.tell(new Fatal());
        } else {
            reply(call, failed(call, ErrorInfo.of(ErrorInfo.Kind.CALL_FAILED, error)));
        }
    }

    /** The reply to a caller in another JVM carries the result encoded here, so a refused result fails clearly. */
    private Reply ok(Invoke call, Object value) {
        if (call.replyTo() == null || !call.replyTo().path().address().hasGlobalScope()) {
            return new Reply.Ok(call.callId(), value);
        }
        try {
            return new Reply.Ok(call.callId(), wire.encode(value));
        } catch (WireException e) {
            return failed(call, ErrorInfo.of(ErrorInfo.Kind.WIRE, "the result of " + call.method().display()
                + " cannot be sent back: " + e.getMessage()));
        }
    }

    private static Reply failed(Invoke call, ErrorInfo error) {
        return new Reply.Failed(call.callId(), error);
    }

    private static void reply(Invoke call, Reply reply) {
        if (call.replyTo() != null) {
            call.replyTo().tell(reply);
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the actor is gone either way; its buffers are freed with the context
            }
        }
    }
}
