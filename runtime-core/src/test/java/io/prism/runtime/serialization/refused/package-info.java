/** A user class the serialization tests leave off the allow-list, so the wire refuses it. */
package io.prism.runtime.serialization.refused;
