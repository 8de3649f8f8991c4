/**
 * Unchecked exceptions thrown by every SecOpsKit client. All extend
 * {@link io.secopskit.core.error.SecOpsException}, which carries vendor, operation, HTTP status,
 * vendor error code, request id and a retryable flag.
 */
package io.secopskit.core.error;
