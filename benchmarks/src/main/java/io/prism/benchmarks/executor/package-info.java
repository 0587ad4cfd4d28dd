/**
 * How long a GPU actor takes from {@code create()} to its first answered call when it runs in an executor process
 * of its own, against the same actor inside the worker JVM and against a bare JVM start, measured in one run.
 */
package io.prism.benchmarks.executor;
