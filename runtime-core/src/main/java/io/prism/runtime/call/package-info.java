/**
 * The call path: reading method references once per call site, invoking them on hosts through cached method
 * handles, and the reply actor that completes callers' futures by correlation id.
 */
package io.prism.runtime.call;
