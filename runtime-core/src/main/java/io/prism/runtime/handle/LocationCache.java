package io.prism.runtime.handle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prism.ActorId;
import io.prism.runtime.protocol.ActorLocation;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ActorId → where its current incarnation runs. Filled when a handle learns a location, emptied for a host as soon
 * as that host stops, so the next call asks the resource manager where the actor went.
 */
public final class LocationCache {
    private final Cache<ActorId, ActorLocation> locations;
    /**
     * Host → the actor whose cached location names it: a stopped host finds its entry without a scan of the cache
     * (a scan per stopped host made killing n actors cost n² on the reply actor's thread). Kept in step by the
     * cache's removal listener, which runs on the removing thread.
     */
    private final Map<ActorRef<?>, ActorId> byHost = new ConcurrentHashMap<>();
    /**
     * Bumped after every removal, so a handle may keep the location it last read until any entry is dropped (bumped
     * after, not before: a reader that sees the new value also sees the entry gone).
     */
    private volatile long generation;

    public LocationCache(int maximumSize) {
        this.locations = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run)
            .<ActorId, ActorLocation>removalListener((id, location, cause) -> {
                if (location != null) {
                    byHost.remove(location.host(), location.id());
                }
            })
            .build();
    }

    public ActorLocation get(ActorId id) {
        return locations.getIfPresent(id);
    }

    public void put(ActorLocation location) {
        // after the put: replacing an entry for the same host runs the listener, which would undo it
        locations.put(location.id(), location);
        byHost.put(location.host(), location.id());
    }

    public void invalidate(ActorId id) {
        locations.invalidate(id);
        generation++;
    }

    public long generation() {
        return generation;
    }

    /** Drops the entry that points at {@code host}, if any. */
    public void hostStopped(ActorRef<?> host) {
        ActorId id = byHost.remove(host);
        if (id != null) {
            locations.asMap().computeIfPresent(id, (k, location) -> location.host().equals(host) ? null : location);
        }
        generation++;
    }
}
