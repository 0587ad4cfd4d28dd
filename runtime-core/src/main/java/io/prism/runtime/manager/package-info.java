/**
 * The resource manager: the cluster singleton that places actors on GPUs through the scheduler, keeps the actor
 * table and names, restarts actors that died, and answers where each actor runs.
 */
package io.prism.runtime.manager;
