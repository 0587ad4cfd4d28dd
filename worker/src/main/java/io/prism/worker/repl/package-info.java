/**
 * {@code prism repl}: jshell with Prism on its class path and {@code prism} bound, either an embedded Prism (so
 * classes typed into jshell work as actors) or a client of a running cluster.
 */
package io.prism.worker.repl;
