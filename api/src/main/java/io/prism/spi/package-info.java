/**
 * The seam between the api and a runtime: base classes that map the typed overloads onto a few methods, the
 * {@link java.util.ServiceLoader} provider, and the thread binding through which actor code finds its context.
 * Users do not need this package.
 */
package io.prism.spi;
