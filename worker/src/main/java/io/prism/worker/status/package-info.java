/**
 * {@code prism status}: connects to a running cluster as a client and prints what its resource manager sees, as
 * text for people (nodes, GPUs as bars with their actors, actors, pending requests) or as JSON for scripts.
 */
package io.prism.worker.status;
