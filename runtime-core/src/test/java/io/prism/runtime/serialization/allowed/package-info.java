/**
 * User classes the serialization tests put on the allow-list ({@code prism.serialization.allowed-packages}): a
 * record, a plain class, an enum, an exception and an actor.
 */
package io.prism.runtime.serialization.allowed;
