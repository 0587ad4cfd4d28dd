/**
 * The caller's side: typed actor handles, the location cache (ActorId to host) and control requests to the
 * resource manager, all sharing one reply actor per JVM.
 */
package io.prism.runtime.handle;
