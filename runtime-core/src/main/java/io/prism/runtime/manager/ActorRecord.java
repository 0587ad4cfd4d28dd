package io.prism.runtime.manager;

import io.prism.ActorPlacement;
import io.prism.ActorState;
import io.prism.runtime.placement.NodeId;
import io.prism.runtime.protocol.ActorLocation;
import io.prism.runtime.protocol.ActorSpec;
import io.prism.runtime.protocol.ErrorInfo;
import io.prism.runtime.protocol.Reply;
import io.prism.resources.ledger.AllocationKey;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.ArrayList;
import java.util.List;

/** The resource manager's record of one actor across its incarnations. Owned by the resource manager actor. */
final class ActorRecord {
    /** Someone waiting for an answer about this actor, by correlation id. */
    record Waiter(long replyId, ActorRef<Reply> replyTo) {
        void ok(Object value) {
            replyTo.tell(new Reply.Ok(replyId, value));
        }

        void fail(ErrorInfo error) {
            replyTo.tell(new Reply.Failed(replyId, error));
        }
    }

    final ActorSpec spec;
    ActorState state = ActorState.PENDING;
    int incarnation;
    int restarts;
    boolean killed;
    NodeId node;
    ActorPlacement placement;
    ActorLocation location;
    /** The process the current incarnation runs in, once it runs. */
    long pid;
    String deathReason;
    long pendingSinceNanos;
    /** Waiting for the first start: create() callers. */
    final List<Waiter> creators = new ArrayList<>();
    /** Waiting for the actor to be ALIVE (or DEAD): handles resolving its location. */
    final List<Waiter> locators = new ArrayList<>();
    /** Waiting for a kill to finish. */
    final List<Waiter> killers = new ArrayList<>();

    ActorRecord(ActorSpec spec) {
        this.spec = spec;
    }

    AllocationKey key() {
        return new AllocationKey(spec.id(), incarnation);
    }

    boolean isCurrent(AllocationKey key) {
        return key.actor().equals(spec.id()) && key.incarnation() == incarnation;
    }

    /** Answers every waiter whose answer is a location. */
    void answerLocated() {
        creators.forEach(w -> w.ok(location));
        locators.forEach(w -> w.ok(location));
        creators.clear();
        locators.clear();
    }

    /** Fails every create() and location waiter with {@code error}. */
    void failWaiters(ErrorInfo error) {
        creators.forEach(w -> w.fail(error));
        locators.forEach(w -> w.fail(error));
        creators.clear();
        locators.clear();
    }

    void answerKillers() {
        killers.forEach(w -> w.ok(null));
        killers.clear();
    }
}
