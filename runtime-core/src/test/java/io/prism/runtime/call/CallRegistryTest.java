package io.prism.runtime.call;

import io.prism.exception.ActorCallException;
import io.prism.exception.PrismException;
import io.prism.runtime.protocol.ErrorInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class CallRegistryTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Function<ErrorInfo, PrismException> ON_ERROR = e -> Errors.toException(e, "Echo 'e'",
        "Echo::echo");

    private final CallRegistry registry = new CallRegistry(Duration.ofSeconds(1));

    /** Where a moved call is sent again: a new registration, as the handle makes for the actor's new host. */
    private final class Follow implements CallRegistry.Moved {
        final List<Integer> movesLeftSeen = new ArrayList<>();
        long lastId;

        @Override
        public void resend(CompletableFuture<Object> future, Object[] args, int movesLeft) {
            movesLeftSeen.add(movesLeft);
            lastId = registry.register(future, null, TIMEOUT, ON_ERROR, "Echo::echo", this, args, movesLeft);
        }
    }

    @Test
    void aCallWhoseActorMovedIsSentAgainAndCompletesTheSameFuture() {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Follow follow = new Follow();
        Object[] args = {42L};
        long id = registry.register(future, null, TIMEOUT, ON_ERROR, "Echo::echo", follow, args, 3);

        registry.fail(id, ErrorInfo.of(ErrorInfo.Kind.MOVED, "Echo 'e' moved to another node"));

        assertThat(future).isNotDone();
        assertThat(follow.movesLeftSeen).containsExactly(2);
        registry.complete(follow.lastId, 42L);
        assertThat(future).isCompletedWithValue(42L);
        assertThat(registry.size()).isZero();
    }

    @Test
    void aCallThatKeepsMeetingMovesFailsOnceItsMovesAreUsedUp() {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Follow follow = new Follow();
        long id = registry.register(future, null, TIMEOUT, ON_ERROR, "Echo::echo", follow, new Object[]{1L}, 3);

        for (int i = 0; i < 4; i++) {
            registry.fail(i == 0 ? id : follow.lastId, ErrorInfo.of(ErrorInfo.Kind.MOVED, "Echo 'e' moved to node-"
                + i));
        }

        assertThat(follow.movesLeftSeen).containsExactly(2, 1, 0);
        assertThat(future).isCompletedExceptionally();
        assertThat(failure(future)).isInstanceOf(ActorMovedException.class)
            .hasMessageContaining("moved to node-3");
        assertThat(registry.size()).isZero();
    }

    @Test
    void otherFailuresAndCallsThatFollowNoMovesFailAtOnce() {
        CompletableFuture<Object> failing = new CompletableFuture<>();
        Follow follow = new Follow();
        long id = registry.register(failing, null, TIMEOUT, ON_ERROR, "Echo::echo", follow, new Object[0], 3);
        registry.fail(id, ErrorInfo.of(ErrorInfo.Kind.CALL_FAILED, new IllegalStateException("no model loaded")));

        CompletableFuture<Object> local = new CompletableFuture<>();
        long localId = registry.register(local, null, TIMEOUT, ON_ERROR, "Echo::echo");
        registry.fail(localId, ErrorInfo.of(ErrorInfo.Kind.MOVED, "Echo 'e' moved to another node"));

        assertThat(follow.movesLeftSeen).isEmpty();
        assertThat(failure(failing)).isInstanceOf(ActorCallException.class)
            .hasMessageContaining("no model loaded");
        assertThat(failure(local)).isInstanceOf(ActorMovedException.class);
    }

    @Test
    void aResendThatThrowsFailsItsOwnCallAndNothingElse() {
        CompletableFuture<Object> moved = new CompletableFuture<>();
        CallRegistry.Moved broken = (future, args, movesLeft) -> {
            throw new IllegalStateException("cannot encode the arguments again");
        };
        long id = registry.register(moved, null, TIMEOUT, ON_ERROR, "Echo::echo", broken, new Object[0], 3);
        CompletableFuture<Object> other = new CompletableFuture<>();
        long otherId = registry.register(other, null, TIMEOUT, ON_ERROR, "Echo::echo");

        registry.fail(id, ErrorInfo.of(ErrorInfo.Kind.MOVED, "Echo 'e' moved to another node"));
        registry.complete(otherId, "still answered");

        assertThat(failure(moved)).hasMessageContaining("cannot encode the arguments again");
        assertThat(other).isCompletedWithValue("still answered");
    }

    private static Throwable failure(CompletableFuture<Object> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }
}
