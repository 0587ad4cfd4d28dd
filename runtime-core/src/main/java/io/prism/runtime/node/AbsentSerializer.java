package io.prism.runtime.node;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.JSerializer;

/**
 * In an executor, stands for the serializer of a module the executor does not run (cluster, sharding, distributed
 * data, persistence): made at start at no cost, under the identifier of the one it replaces, and refusing any use.
 */
public final class AbsentSerializer extends JSerializer {
    /** Where the executor's settings keep the identifier of each replaced serializer, by its binding name. */
    static final String IDENTIFIERS = "prism.executor.absent-serializer-ids";

    private final String bindingName;
    private final int identifier;

    public AbsentSerializer(ExtendedActorSystem system, String bindingName) {
        this.bindingName = bindingName;
        this.identifier = system.settings().config().getConfig(IDENTIFIERS).getInt(bindingName);
    }

    @Override
    public int identifier() {
        return identifier;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object o) {
        throw refused(o.getClass().getName());
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        throw refused("a message of serializer " + identifier);
    }

    private UnsupportedOperationException refused(String what) {
        return new UnsupportedOperationException(what + " reached an executor process, which does not run "
            + bindingName + " (its serializer is left out of executors)");
    }
}
