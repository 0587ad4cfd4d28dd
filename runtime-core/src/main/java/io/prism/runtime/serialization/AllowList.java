package io.prism.runtime.serialization;

import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Decides whether a class outside the fixed registrations may travel: only classes of the allow-listed packages.
 * Exceptions and {@code Class} objects never travel, allowed package or not, and nor do lambdas and proxies, whose
 * classes another JVM cannot load by name.
 */
final class AllowList {
    private static final String JDK_VALUES = "String, boxed primitives, BigInteger, BigDecimal, UUID, URI, "
        + "java.time values, Optional, arrays, and ArrayList, LinkedList, ArrayDeque, HashMap, LinkedHashMap, TreeMap, "
        + "HashSet, LinkedHashSet, TreeSet, EnumSet or List/Set/Map.of";

    private final List<String> packages;

    AllowList(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    /** Throws unless {@code type} (not an array; the fixed registrations already checked) may travel. */
    void check(Class<?> type) {
        if (Throwable.class.isAssignableFrom(type)) {
            throw new WireException(type.getName() + " is an exception, and exceptions never travel as values: "
                + "throw it from the actor method (the caller gets ActorCallException with its class, message and "
                + "stack), or send its message as a String");
        }
        if (type == Class.class || ClassLoader.class.isAssignableFrom(type)) {
            throw new WireException(type.getName() + " objects never travel: send the class name as a String");
        }
        if (type.isHidden() || type.isSynthetic() || Proxy.isProxyClass(type)) {
            throw new WireException(type.getName() + " is a lambda, proxy or generated class, which another JVM "
                + "cannot load: send a value of a named class instead");
        }
        checkName(type.getName());
    }

    /** Throws unless the class of this binary name may travel; called before a class named on the wire is loaded. */
    void checkName(String className) {
        String pkg = packageOf(className);
        for (String allowed : packages) {
            if (pkg.equals(allowed) || pkg.startsWith(allowed) && pkg.charAt(allowed.length()) == '.') {
                return;
            }
        }
        if (isJdk(pkg)) {
            throw new WireException("class " + className + " is not allowed on the wire: it is not one of the JDK "
                + "value types Prism sends (" + JDK_VALUES + "); convert it to one of those");
        }
        if (pkg.isEmpty()) {
            throw new WireException("class " + className + " is not allowed on the wire: it is in the unnamed "
                + "package; move it into a package and add that package to " + WireSettings.ALLOWED_PACKAGES);
        }
        throw new WireException("class " + className + " is not allowed on the wire: add \"" + pkg + "\" to "
            + WireSettings.ALLOWED_PACKAGES + " (or send a JDK value type)");
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static boolean isJdk(String pkg) {
        return pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.")
            || pkg.startsWith("sun.") || pkg.startsWith("com.sun.");
    }
}
