/**
 * What users write against: {@link io.prism.Prism}, {@link io.prism.ActorHandle}, {@link io.prism.Gpu} and the
 * fluent {@link io.prism.ActorBuilder}. Holds no runtime; {@code Prism.start()} finds one on the class path.
 */
package io.prism;
