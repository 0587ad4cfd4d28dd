/**
 * Values from a package that no test cluster allows on the wire: sending one must fail the call, not the worker.
 */
package io.prism.worker.cluster.unlisted;
