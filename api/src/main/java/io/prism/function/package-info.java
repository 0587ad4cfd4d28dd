/**
 * Serializable function interfaces for constructor and method references. Prism reads a reference once per call
 * site to learn which constructor or method it names, so calls are checked by the compiler and need no code
 * generation.
 */
package io.prism.function;
