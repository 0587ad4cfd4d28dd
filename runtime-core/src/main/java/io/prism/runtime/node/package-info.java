/**
 * What runs on every node: the node agent that registers the node's GPUs and starts actors, and the host that
 * runs one user actor's constructor and methods.
 */
package io.prism.runtime.node;
