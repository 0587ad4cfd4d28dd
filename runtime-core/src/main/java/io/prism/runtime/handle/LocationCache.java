package io.prism.runtime.handle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prism.ActorId;
import io.prism.runtime.protocol.ActorLocation;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * ActorId → where its current incarnation runs. Filled when a handle learns a location, emptied for a host as soon
 * as that host stops, so the next call asks the resource manager where the actor went.
 */
public final class LocationCache {
    private final Cache<ActorId, ActorLocation> locations;
    /**
     * Bumped after every removal, so a handle may keep the location it last read until any entry is dropped (bumped
     * after, not before: a reader that sees the new value also sees the entry gone).
     */
    private volatile long generation;

    public LocationCache(int maximumSize) {
        this.locations = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    public ActorLocation get(ActorId id) {
        return locations.getIfPresent(id);
    }

    public void put(ActorLocation location) {
        locations.put(location.id(), location);
    }

    public void invalidate(ActorId id) {
        locations.invalidate(id);
        generation++;
    }

    public long generation() {
        return generation;
    }

    /** Drops every entry that points at {@code host}. */
    public void hostStopped(ActorRef<?> host) {
        locations.asMap().values().removeIf(l -> l.host().equals(host));
        generation++;
    }
}
