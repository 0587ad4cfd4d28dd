package io.prism;

/** Life cycle of an actor as the resource manager sees it. */
public enum ActorState {
    /** Waiting for capacity. */
    PENDING,
    /** Placed; its constructor is running. */
    STARTING,
    /** Ready for calls. */
    ALIVE,
    /** Died and is being recreated (restarts left). */
    RESTARTING,
    /** Gone for good: killed, or died with no restarts left. */
    DEAD
}
