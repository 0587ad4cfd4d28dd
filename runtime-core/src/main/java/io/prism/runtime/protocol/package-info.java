/**
 * The messages Prism's actors exchange: calls, replies, actor specs and locations, failures. Plain records marked
 * {@link io.prism.runtime.protocol.PrismMessage}, so one serializer can carry all of them between JVMs.
 */
package io.prism.runtime.protocol;
