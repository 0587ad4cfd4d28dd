package io.prism.runtime.serialization;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.ObjectMap;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Resolves classes by their fixed id, and every other class by name after the allow-list accepts it. The check
 * runs when a Kryo instance first meets a class, on write and on read (there before the named class is even
 * loaded); a class once accepted stays registered in that instance. Every typed {@link ActorRef} implementation
 * shares the one {@code ActorRef} registration, as the receiving JVM resolves a ref by its path, not its class.
 */
final class WireClassResolver extends DefaultClassResolver {
    private final AllowList allowList;
    private Registration actorRefs;

    WireClassResolver(AllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public Registration getRegistration(Class type) {
        Registration registration = super.getRegistration(type);
        if (registration == null && ActorRef.class.isAssignableFrom(type)) {
            if (actorRefs == null) {
                actorRefs = super.getRegistration(ActorRef.class);
            }
            if (actorRefs != null) {
                classToRegistration.put(type, actorRefs);
            }
            return actorRefs;
        }
        return registration;
    }

    @Override
    public Registration registerImplicit(Class type) {
        if (type.isArray()) {
            Class<?> element = type.getComponentType();
            while (element.isArray()) {
                element = element.getComponentType();
            }
            kryo.getRegistration(element);
        } else {
            allowList.check(type);
        }
        return super.registerImplicit(type);
    }

    @Override
    protected Class getTypeByName(String className) {
        if (className.charAt(0) != '[') {
            allowList.checkName(className);
        }
        Class known = super.getTypeByName(className);
        if (known != null) {
            return known;
        }
        try {
            Class type = Class.forName(className, false, kryo.getClassLoader());
            if (nameToClass == null) {
                nameToClass = new ObjectMap<>();
            }
            nameToClass.put(className, type);
            return type;
        } catch (ClassNotFoundException e) {
            throw new WireException("class " + className + " may travel, but this JVM cannot load it: put the jar "
                + "that holds it on the class path of every node", e);
        }
    }
}
