/**
 * Tests of the node's parts that are not reached through an embedded Prism: how an executor process is set up and
 * the rehearsal its class archive is made from.
 */
package io.prism.runtime.node;
