/**
 * Optional OpenTelemetry instrumentation for SecOpsKit clients: a span per operation, a child span per attempt
 * that follows the HTTP client semantic conventions, and metrics for calls, attempts, retries, throttling
 * waits, token refreshes and response sizes.
 *
 * <p>{@link io.secopskit.opentelemetry.SecOpsKitTelemetry} is the entry point; it installs two policies and a
 * listener on a client's {@link io.secopskit.core.http.ClientOptions}. Only the OpenTelemetry API is
 * required; the application brings the SDK and exporters. Nothing is recorded that could carry a credential,
 * a token, a header value, a query value, an id from the path or a body: the URL is described by the
 * operation's path template, errors by a status code or an exception class name, never a message.
 */
package io.secopskit.opentelemetry;
