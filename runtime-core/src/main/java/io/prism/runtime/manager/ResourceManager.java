package io.prism.runtime.manager;

import io.prism.ActorId;
import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.ClusterState;
import io.prism.Isolation;
import io.prism.runtime.PrismNode;
import io.prism.runtime.node.NodeAgent;
import io.prism.runtime.protocol.ActorMoved;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.placement.ResourceRequest;
import io.prism.runtime.placement.Scheduler;
import io.prism.runtime.protocol.ActorLocation;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Invoke;
import io.prism.runtime.protocol.PrismMessage;
import io.prism.runtime.protocol.Reply;
import io.prism.resources.ledger.Allocation;
import io.prism.resources.ledger.AllocationKey;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster singleton that decides where actors run. It keeps the cluster's GPU ledger (through the
 * {@link Scheduler}), the actor table and names, and the queue of requests waiting for capacity. It is on the
 * control path only: calls go from callers straight to the actors' hosts.
 */
public final class ResourceManager extends AbstractBehavior<ResourceManager.Command> {

    public sealed interface Command extends PrismMessage {
    }

    /**
     * A node agent offers its node, with the incarnations it already hosts (none on first start; after a resource
     * manager failover, what it runs, so the ledger and actor table are rebuilt from the agents).
     */
    public record RegisterNode(NodeAgent.NodeInfo node, ActorRef<NodeAgent.Command> agent,
                               List<NodeAgent.HostedActor> hosted) implements Command {
    }

    /** From a node agent: something a person should see in status, e.g. a GPU fault that stopped actors. */
    public record NodeEvent(String nodeId, long timeMillis, String message) implements Command {
    }

    /** A node is leaving: place no more actors there and move its actors to other nodes. */
    public record DrainNode(String nodeId, ActorRef<NodeAgent.Command> agent) implements Command {
    }

    /** Place and construct an actor; answers with its {@link ActorLocation} once it is ready for calls. */
    public record CreateActor(ActorSpec spec, long replyId, ActorRef<Reply> replyTo) implements Command {
    }

    /** Stop an actor for good; answers once it has stopped. */
    public record KillActor(ActorId id, long replyId, ActorRef<Reply> replyTo) implements Command {
    }

    /** Where does this actor run now? Answers once it is ALIVE, or fails when it is DEAD. */
    public record Locate(ActorId id, long replyId, ActorRef<Reply> replyTo) implements Command {
    }

    /** The location of the live actor with this name, or null. */
    public record LookupName(String name, long replyId, ActorRef<Reply> replyTo) implements Command {
    }

    /** A {@link io.prism.ClusterState} snapshot. */
    public record GetState(long replyId, ActorRef<Reply> replyTo) implements Command {
    }

    /** From a node agent: an incarnation's constructor returned. */
    public record ActorStarted(AllocationKey key, ActorRef<Invoke> host, long pid) implements Command {
    }

    /** From a node agent: an incarnation's constructor threw, or its class was missing. */
    public record ActorStartFailed(AllocationKey key, ErrorInfo error) implements Command {
    }

    /** From a node agent: an incarnation stopped; {@code died} is null when it was asked to stop. */
    public record ActorStopped(AllocationKey key, ErrorInfo died) implements Command {
    }

    private enum Tick implements Command { INSTANCE }

    private record AgentsListed(Set<ActorRef<NodeAgent.Command>> agents)
        implements Command, NoSerializationVerificationNeeded {
    }

    private record AgentStopped(NodeId node) implements Command {
    }

    private enum RecoveryDone implements Command { INSTANCE }

    private record Resubmit(AllocationKey key) implements Command {
    }

    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(1);

    private record Node(NodeAgent.NodeInfo info, ActorRef<NodeAgent.Command> agent) {
    }

    private static final int DEAD_RECORDS_KEPT = 10_000;

    private final Scheduler scheduler = new Scheduler();
    private final Map<NodeId, Node> nodes = new LinkedHashMap<>();
    /** The latest node events, oldest first; status shows them. They are not rebuilt after a failover. */
    private final ArrayDeque<ClusterState.Event> events = new ArrayDeque<>();
    private static final int MAX_EVENTS = 50;
    private final Map<ActorId, ActorRecord> actors = new HashMap<>();
    private final Map<String, ActorId> names = new HashMap<>();
    private final ArrayDeque<ActorId> dead = new ArrayDeque<>();
    private final StashBuffer<Command> waiting;
    private final TimerScheduler<Command> timers;
    private final ActorRef<Topic.Command<ActorMoved>> moved;
    /** Agents the receptionist listed that have not registered with this incarnation of the manager yet. */
    private final Set<ActorRef<NodeAgent.Command>> unregistered = new HashSet<>();
    /** Agents of nodes that left or were drained: never taken back, even if the receptionist still lists them. */
    private final Set<ActorRef<NodeAgent.Command>> departed = new HashSet<>();
    private boolean recovering = true;
    private boolean listed;

    /**
     * @param recoveryTimeout how long a new resource manager waits for the node agents to report what they host
     *                        before it places anything (after failover; a fresh cluster has none to wait for)
     */
    public static Behavior<Command> create(Duration pendingCheckInterval, Duration recoveryTimeout,
                                           boolean infeasibleRequestsWait) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(100_000, stash -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, pendingCheckInterval);
            timers.startSingleTimer(RecoveryDone.INSTANCE, recoveryTimeout);
            ResourceManager manager = new ResourceManager(ctx, stash, timers);
            manager.scheduler.infeasibleRequestsWait(infeasibleRequestsWait);
            return manager;
        })));
    }

    private ResourceManager(ActorContext<Command> ctx, StashBuffer<Command> waiting, TimerScheduler<Command> timers) {
        super(ctx);
        this.waiting = waiting;
        this.timers = timers;
        this.moved = ctx.spawn(Topic.create(ActorMoved.class, PrismNode.MOVED_TOPIC), "moved");
        ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
            l -> new AgentsListed(l.getServiceInstances(NodeAgent.SERVICE_KEY)));
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(NodeAgent.SERVICE_KEY, listings));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
            .onMessage(RegisterNode.class, this::onRegister)
            .onMessage(AgentsListed.class, this::onAgentsListed)
            .onMessage(AgentStopped.class, a -> {
                nodeLost(a.node(), "node " + a.node().value() + " left the cluster or was lost");
                return this;
            })
            .onMessage(DrainNode.class, this::onDrain)
            .onMessage(NodeEvent.class, e -> {
                events.addLast(new ClusterState.Event(e.timeMillis(), e.nodeId(), e.message()));
                while (events.size() > MAX_EVENTS) {
                    events.removeFirst();
                }
                return this;
            })
            .onMessage(RecoveryDone.class, r -> endRecovery())
            .onMessage(CreateActor.class, c -> recovering ? stash(c) : onCreate(c))
            .onMessage(KillActor.class, k -> recovering ? stash(k) : onKill(k))
            .onMessage(Locate.class, l -> recovering ? stash(l) : onLocate(l))
            .onMessage(LookupName.class, l -> recovering ? stash(l) : onLookupName(l))
            .onMessage(GetState.class, this::onGetState)
            .onMessage(ActorStarted.class, this::onStarted)
            .onMessage(ActorStartFailed.class, this::onStartFailed)
            .onMessage(ActorStopped.class, this::onStopped)
            .onMessage(Tick.class, t -> onTick())
            .onMessage(Resubmit.class, r -> {
                ActorRecord rec = actors.get(r.key().actor());
                if (rec != null && rec.isCurrent(r.key()) && rec.state == ActorState.RESTARTING) {
                    submit(rec, System.nanoTime(), Long.MAX_VALUE);
                }
                return this;
            })
            .build();
    }

    private Behavior<Command> onRegister(RegisterNode r) {
        NodeAgent.NodeInfo info = r.node();
        NodeId id = new NodeId(info.nodeId());
        unregistered.remove(r.agent());
        if (departed.contains(r.agent())) {
            return this;
        }
        if (!nodes.containsKey(id)) {
            scheduler.addNode(id, info.devices(), info.cpuMillis(), info.labels(),
                r.hosted().stream().map(NodeAgent.HostedActor::allocation).toList(), info.maxActorsPerGpu());
            nodes.put(id, new Node(info, r.agent()));
            getContext().watchWith(r.agent(), new AgentStopped(id));
            r.hosted().forEach(h -> adopt(id, h));
            getContext().getLog().info("node {} joined: {} GPU(s), {} CPU(s), isolation {}{}", info.nodeId(),
                info.devices().size(), info.cpuMillis() / 1000.0, info.isolation(),
                r.hosted().isEmpty() ? "" : ", hosting " + r.hosted().size() + " actor(s)");
        }
        r.agent().tell(new NodeAgent.Registered());
        if (listed && unregistered.isEmpty()) {
            endRecovery();
        }
        placePending();
        return this;
    }

    /** After failover: take over an incarnation a node agent reports it hosts. */
    private void adopt(NodeId node, NodeAgent.HostedActor h) {
        ActorRecord rec = actors.get(h.spec().id());
        if (rec != null && rec.incarnation >= h.incarnation()) {
            return;
        }
        rec = new ActorRecord(h.spec());
        rec.incarnation = h.incarnation();
        rec.restarts = h.restarts();
        rec.node = node;
        rec.placement = h.placement();
        if (h.host() == null) {
            rec.state = ActorState.STARTING;
        } else {
            rec.state = ActorState.ALIVE;
            rec.location = new ActorLocation(h.spec().id(), h.spec().name(), h.spec().className(), h.incarnation(),
                h.host(), h.placement());
            rec.pid = h.pid();
        }
        actors.put(h.spec().id(), rec);
        if (h.spec().name() != null) {
            names.put(h.spec().name(), h.spec().id());
        }
    }

    private Behavior<Command> onAgentsListed(AgentsListed l) {
        for (ActorRef<NodeAgent.Command> agent : l.agents()) {
            boolean known = departed.contains(agent) || nodes.values().stream().anyMatch(n -> n.agent().equals(agent));
            if (!known) {
                if (recovering) {
                    unregistered.add(agent);
                }
                agent.tell(new NodeAgent.Reregister());
            }
        }
        listed = true;
        if (unregistered.isEmpty()) {
            return endRecovery();
        }
        return this;
    }

    private Behavior<Command> stash(Command c) {
        waiting.stash(c);
        return this;
    }

    private Behavior<Command> endRecovery() {
        if (!recovering) {
            return this;
        }
        recovering = false;
        unregistered.clear();
        return waiting.unstashAll(this);
    }

    private void nodeLost(NodeId id, String why) {
        Node lost = nodes.remove(id);
        if (lost == null) {
            return;
        }
        departed.add(lost.agent());
        List<Allocation> held = scheduler.removeNode(id);
        if (!held.isEmpty()) {
            getContext().getLog().info("{}: moving its {} actor(s)", why, held.size());
        }
        for (Allocation a : held) {
            ActorRecord rec = actors.get(a.key().actor());
            if (rec != null && rec.isCurrent(a.key())) {
                if (rec.killed) {
                    died(rec, rec.spec.describe() + " was killed");
                } else {
                    restartOrDie(rec, why);
                }
            }
        }
        placePending();
    }

    private Behavior<Command> onDrain(DrainNode d) {
        NodeId id = new NodeId(d.nodeId());
        Node node = nodes.remove(id);
        if (node != null) {
            departed.add(node.agent());
            getContext().unwatch(node.agent());
            getContext().getLog().info("node {} is leaving: moving its actors", d.nodeId());
            for (Allocation a : scheduler.removeNode(id)) {
                ActorRecord rec = actors.get(a.key().actor());
                if (rec != null && rec.isCurrent(a.key()) && !rec.killed) {
                    move(rec);
                }
            }
            placePending();
        }
        d.agent().tell(new NodeAgent.Drained());
        return this;
    }

    /** A new incarnation elsewhere, not counted as a restart: the old node is leaving, the actor did not fail. */
    private void move(ActorRecord rec) {
        moved.tell(Topic.publish(new ActorMoved(rec.spec.id())));
        rec.incarnation++;
        rec.state = ActorState.RESTARTING;
        rec.location = null;
        submit(rec, System.nanoTime(), Long.MAX_VALUE);
    }

    private Behavior<Command> onCreate(CreateActor c) {
        ActorSpec spec = c.spec();
        ActorRecord.Waiter waiter = new ActorRecord.Waiter(c.replyId(), c.replyTo());
        ActorRecord known = actors.get(spec.id());
        if (known != null) {
            // the caller resent its request (no answer yet, or a manager failover): answer, do not create twice
            if (known.state == ActorState.ALIVE || known.state == ActorState.DEAD) {
                answerOrWait(known, waiter);
            } else if (known.creators.stream().noneMatch(w -> w.replyId() == c.replyId())) {
                known.creators.add(waiter);
            }
            return this;
        }
        if (spec.name() != null && names.containsKey(spec.name())) {
            ActorRecord holder = actors.get(names.get(spec.name()));
            waiter.fail(ErrorInfo.of(ErrorInfo.Kind.NAME_TAKEN, "actor name '" + spec.name() + "' is taken by "
                + holder.spec.describe() + ": pick another name, or look that actor up with prism.actor(\""
                + spec.name() + "\", " + ActorSpec.simpleName(holder.spec.className()) + ".class)"));
            return this;
        }
        ActorRecord rec = new ActorRecord(spec);
        rec.creators.add(waiter);
        actors.put(spec.id(), rec);
        if (spec.name() != null) {
            names.put(spec.name(), spec.id());
        }
        long now = System.nanoTime();
        submit(rec, now, now + spec.placementTimeout().toNanos());
        return this;
    }

    private void submit(ActorRecord rec, long now, long deadline) {
        rec.pendingSinceNanos = now;
        ResourceRequest request = new ResourceRequest(rec.key(), rec.spec.className(), rec.spec.name(),
            rec.spec.shape(), rec.spec.strategy(), rec.spec.labels(),
            rec.spec.node() == null ? null : new NodeId(rec.spec.node()), rec.spec.nodeSoft());
        Scheduler.Outcome outcome = scheduler.submit(request, now, deadline);
        if (outcome instanceof Scheduler.Placed p) {
            start(rec, p);
        } else if (outcome instanceof Scheduler.Infeasible i) {
            if (rec.incarnation == 0) {
                forget(rec, ErrorInfo.of(ErrorInfo.Kind.INVALID_REQUEST, i.reason()));
            } else {
                died(rec, rec.spec.describe() + " cannot be restarted: " + i.reason());
            }
        } else if (rec.incarnation == 0) {
            rec.state = ActorState.PENDING;
        }
    }

    private void start(ActorRecord rec, Scheduler.Placed p) {
        Node node = nodes.get(p.decision().node());
        boolean gpu = !p.decision().gpus().isEmpty();
        rec.node = p.decision().node();
        rec.placement = new ActorPlacement(node.info().nodeId(), p.decision().gpus(), p.decision().unitsPerGpu(),
            p.decision().memoryPerGpu(), p.decision().cpuMillis() / 1000.0,
            gpu ? NodeAgent.isolationFor(rec.spec, node.info(), p.decision().gpus().size()) : Isolation.NONE,
            rec.incarnation);
        if (rec.state != ActorState.RESTARTING) {
            rec.state = ActorState.STARTING;
        }
        node.agent().tell(new NodeAgent.StartActor(rec.spec, rec.incarnation, rec.restarts, p.allocation(),
            rec.placement));
    }

    private Behavior<Command> onStarted(ActorStarted s) {
        ActorRecord rec = actors.get(s.key().actor());
        if (rec == null || !rec.isCurrent(s.key())) {
            return this;
        }
        if (rec.killed) {
            stopOnNode(rec);
            return this;
        }
        rec.state = ActorState.ALIVE;
        rec.pid = s.pid();
        rec.location = new ActorLocation(rec.spec.id(), rec.spec.name(), rec.spec.className(), rec.incarnation,
            s.host(), rec.placement);
        rec.answerLocated();
        return this;
    }

    private Behavior<Command> onStartFailed(ActorStartFailed f) {
        scheduler.release(f.key());
        ActorRecord rec = actors.get(f.key().actor());
        if (rec != null && rec.isCurrent(f.key())) {
            if (rec.killed) {
                died(rec, rec.spec.describe() + " was killed");
            } else if (rec.incarnation == 0) {
                forget(rec, f.error());
            } else {
                restartOrDie(rec, "its constructor threw on restart: " + f.error().describe(), RESTART_BACKOFF);
            }
        }
        placePending();
        return this;
    }

    private Behavior<Command> onStopped(ActorStopped s) {
        scheduler.release(s.key());
        ActorRecord rec = actors.get(s.key().actor());
        if (rec != null && rec.isCurrent(s.key()) && rec.state != ActorState.DEAD) {
            if (rec.killed) {
                died(rec, rec.spec.describe() + " was killed");
            } else {
                restartOrDie(rec, s.died() == null ? "its host stopped" : s.died().describe());
            }
        }
        placePending();
        return this;
    }

    private void restartOrDie(ActorRecord rec, String cause) {
        restartOrDie(rec, cause, Duration.ZERO);
    }

    /** Restarts after {@code backoff} (a constructor that keeps throwing is not retried in a tight loop). */
    private void restartOrDie(ActorRecord rec, String cause, Duration backoff) {
        if (!rec.spec.mayRestart(rec.restarts)) {
            died(rec, rec.spec.describe() + " died (" + cause + ")" + (rec.restarts > 0
                ? " after " + rec.restarts + " restart(s)" : "") + "; no restarts left (maxRestarts "
                + rec.spec.maxRestarts() + ")");
            return;
        }
        rec.restarts++;
        rec.incarnation++;
        rec.state = ActorState.RESTARTING;
        rec.location = null;
        // callers that cached the dead incarnation's location look it up again at once
        moved.tell(Topic.publish(new ActorMoved(rec.spec.id())));
        getContext().getLog().warn("{} died ({}); restarting ({} of {})", rec.spec.describe(), cause,
            rec.restarts, rec.spec.maxRestarts() < 0 ? "unlimited" : rec.spec.maxRestarts());
        if (backoff.isZero()) {
            submit(rec, System.nanoTime(), Long.MAX_VALUE);
        } else {
            timers.startSingleTimer(rec.key(), new Resubmit(rec.key()), backoff);
        }
    }

    private Behavior<Command> onKill(KillActor k) {
        ActorRecord.Waiter waiter = new ActorRecord.Waiter(k.replyId(), k.replyTo());
        ActorRecord rec = actors.get(k.id());
        if (rec == null || rec.state == ActorState.DEAD) {
            waiter.ok(null);
            return this;
        }
        rec.killed = true;
        if (scheduler.cancel(rec.key())) {
            died(rec, rec.spec.describe() + " was killed before it was placed");
            waiter.ok(null);
            return this;
        }
        rec.killers.add(waiter);
        stopOnNode(rec);
        return this;
    }

    /** Asks the actor's node to stop it; a node already gone (lost, drained) has nothing left to stop. */
    private void stopOnNode(ActorRecord rec) {
        Node node = rec.node == null ? null : nodes.get(rec.node);
        if (node == null) {
            died(rec, rec.spec.describe() + " was killed");
        } else {
            node.agent().tell(new NodeAgent.StopActor(rec.spec.id(), rec.incarnation));
        }
    }

    private Behavior<Command> onLocate(Locate l) {
        ActorRecord.Waiter waiter = new ActorRecord.Waiter(l.replyId(), l.replyTo());
        ActorRecord rec = actors.get(l.id());
        if (rec == null) {
            waiter.fail(ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, "no actor " + l.id() + " in this cluster"));
        } else {
            answerOrWait(rec, waiter);
        }
        return this;
    }

    private Behavior<Command> onLookupName(LookupName l) {
        ActorRecord.Waiter waiter = new ActorRecord.Waiter(l.replyId(), l.replyTo());
        ActorId id = names.get(l.name());
        if (id == null) {
            waiter.ok(null);
        } else {
            answerOrWait(actors.get(id), waiter);
        }
        return this;
    }

    private void answerOrWait(ActorRecord rec, ActorRecord.Waiter waiter) {
        switch (rec.state) {
            case ALIVE -> waiter.ok(rec.location);
            case DEAD -> waiter.fail(ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, rec.deathReason));
            default -> rec.locators.add(waiter);
        }
    }

    private Behavior<Command> onGetState(GetState g) {
        g.replyTo().tell(new Reply.Ok(g.replyId(), ClusterStates.snapshot(scheduler, actors.values(),
            nodeInfos(), List.copyOf(events), this::membership, System.nanoTime())));
        return this;
    }

    /** The node's cluster membership as this JVM sees it now: "Up", "Leaving", "Up, unreachable", ... */
    private String membership(String address) {
        CurrentClusterState cluster = Cluster.get(getContext().getSystem()).state();
        for (Member m : cluster.getMembers()) {
            if (m.address().toString().equals(address)) {
                return m.status() + (cluster.getUnreachable().contains(m) ? ", unreachable" : "");
            }
        }
        return "Removed";
    }

    private Map<NodeId, NodeAgent.NodeInfo> nodeInfos() {
        Map<NodeId, NodeAgent.NodeInfo> infos = new LinkedHashMap<>();
        nodes.forEach((id, n) -> infos.put(id, n.info()));
        return infos;
    }

    private Behavior<Command> onTick() {
        long now = System.nanoTime();
        for (ResourceRequest expired : scheduler.expire(now)) {
            ActorRecord rec = actors.get(expired.key().actor());
            if (rec != null && rec.isCurrent(expired.key())) {
                String why = scheduler.explain(expired);
                forget(rec, ErrorInfo.of(ErrorInfo.Kind.PLACEMENT_TIMEOUT, rec.spec.describe() + " waited "
                    + rec.spec.placementTimeout().toMillis() + " ms for capacity and was not placed: " + why
                    + ". Free capacity (kill actors, add nodes) or raise placementTimeout."));
            }
        }
        return this;
    }

    private void placePending() {
        boolean freed = true;
        while (freed) {
            freed = false;
            for (Scheduler.Placed p : scheduler.placePending(System.nanoTime())) {
                ActorRecord rec = actors.get(p.request().key().actor());
                if (rec != null && rec.isCurrent(p.request().key())) {
                    start(rec, p);
                } else {
                    freed |= scheduler.release(p.request().key());
                }
            }
        }
    }

    /**
     * The actor never started: fail its creators and free its name. The record stays (as DEAD) a while, so a
     * resent create of the same actor is answered instead of creating it again.
     */
    private void forget(ActorRecord rec, ErrorInfo error) {
        rec.failWaiters(error);
        died(rec, error.describe());
    }

    /** The actor is gone for good: keep its record a while so lookups can say why. */
    private void died(ActorRecord rec, String reason) {
        if (rec.state == ActorState.DEAD) {
            rec.answerKillers();
            return;
        }
        rec.state = ActorState.DEAD;
        rec.deathReason = reason;
        rec.location = null;
        releaseName(rec);
        rec.failWaiters(ErrorInfo.of(ErrorInfo.Kind.ACTOR_DIED, reason));
        rec.answerKillers();
        dead.add(rec.spec.id());
        while (dead.size() > DEAD_RECORDS_KEPT) {
            actors.remove(dead.poll());
        }
    }

    private void releaseName(ActorRecord rec) {
        if (rec.spec.name() != null) {
            names.remove(rec.spec.name(), rec.spec.id());
        }
    }
}
