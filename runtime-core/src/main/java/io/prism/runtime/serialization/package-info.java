/**
 * Prism on the wire: one Pekko serializer backed by pooled Kryo for every {@code PrismMessage}, with fixed ids for
 * Prism's own classes and an allow-list for the user values (call arguments and results) inside them. Nothing here
 * ever falls back to Java serialization, and no exception or {@code Class} object is ever written.
 */
package io.prism.runtime.serialization;
