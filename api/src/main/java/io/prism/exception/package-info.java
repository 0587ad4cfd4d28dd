/**
 * Errors Prism reports to users. Each names what was wrong, the value, and what would be right; every one extends
 * {@link io.prism.exception.PrismException}.
 */
package io.prism.exception;
