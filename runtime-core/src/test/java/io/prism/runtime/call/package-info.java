/** Tests of the caller's side of a call: how replies, failures and moves reach the caller's future. */
package io.prism.runtime.call;
