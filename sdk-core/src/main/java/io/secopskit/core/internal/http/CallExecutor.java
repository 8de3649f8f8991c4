package io.secopskit.core.internal.http;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.PipelineListener.CallInfo;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.http.RetryPolicy;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call through the per-call policies, the retry step and the rate-limit step, then sends each
 * attempt as its own OkHttp call (per-attempt policies, auth and logging are OkHttp interceptors there),
 * with the attempt timeout cut to what remains of the total timeout. Reads the final answer inside the
 * attempt, so a connection lost while reading an idempotent answer is retried too. Decides repeats per
 * operation: idempotent operations on I/O failures, timeouts and the policy's statuses; others only on
 * the failures their {@code RetryCondition} documents as safe, never on an I/O failure or timeout.
 * Thread-safe. Internal.
 */
public final class CallExecutor {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.http");
    private static final long PEEK_LIMIT = 64 * 1024;
    /** Marks an answer the pipeline turned into success: a 404 to the repeat of a delete. */
    public static final String GONE_ON_RESEND_HEADER = "X-SecOpsKit-Gone-On-Resend";

    /**
     * Reads a final 2xx answer.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Reads the answer.
         *
         * @param response the answer (closed by the executor)
         * @param call     the call, for listeners (null when none listen)
         * @return the result
         * @throws IOException when the connection fails while reading
         */
        T read(Response response, CallInfo call) throws IOException;
    }

    private final String vendor;
    private final OkHttpClient client;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long attemptTimeoutMs;
    private final long totalTimeoutMs;
    private final RateLimitStep limits;
    private final List<HttpPolicy> perCall;
    private final Listeners listeners;
    private final ErrorDecoder decoder;
    private final List<String> requestIdHeaders;

    CallExecutor(String vendor, OkHttpClient client, RetryPolicy policy, Clock clock, Sleeper sleeper,
                 Duration attemptTimeout, Duration totalTimeout, RateLimitStep limits, List<HttpPolicy> perCall,
                 Listeners listeners, ErrorDecoder decoder, List<String> requestIdHeaders) {
        this.vendor = vendor;
        this.client = client;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.attemptTimeoutMs = attemptTimeout.toMillis();
        this.totalTimeoutMs = totalTimeout.toMillis();
        this.limits = limits;
        this.perCall = perCall;
        this.listeners = listeners;
        this.decoder = decoder;
        this.requestIdHeaders = requestIdHeaders;
    }

    /**
     * Runs a call.
     *
     * @param request the encoded request (tagged with its operation)
     * @param reader  reads the final 2xx answer
     * @param <T>     the result type
     * @return the result
     * @throws SecOpsException for every failure: decoded vendor errors, transport failures, refusals
     */
    public <T> T execute(Request request, Reader<T> reader) {
        Operation op = request.tag(Operation.class);
        CallInfo call = listeners.enabled() ? new CallInfo(op, request.url().host(), request.url().port()) : null;
        long startNanos = call == null ? 0 : System.nanoTime();
        if (call != null) {
            listeners.callStarted(call);
        }
        long deadline = clock.millis() + totalTimeoutMs;
        Outcome outcome = call == null && perCall.isEmpty() ? Outcome.UNUSED : new Outcome();
        try {
            T result;
            if (perCall.isEmpty()) {
                result = retryLoop(request, op, call, deadline, reader, outcome);
            } else {
                Object[] holder = new Object[1];
                Response marker = PolicyChain.run(perCall, request, op, 0, r -> {
                    holder[0] = retryLoop(r, op, call, deadline, reader, outcome);
                    return new Response.Builder().request(r).protocol(okhttp3.Protocol.HTTP_1_1)
                            .code(outcome.status).message("").headers(outcome.headers).build();
                });
                marker.close();
                @SuppressWarnings("unchecked")
                T cast = (T) holder[0];
                result = cast;
            }
            if (call != null) {
                listeners.callFinished(call, outcome.status, null, Duration.ofNanos(System.nanoTime() - startNanos));
            }
            return result;
        } catch (RuntimeException e) {
            if (call != null) {
                int status = e instanceof SecOpsException se ? se.httpStatus() : 0;
                listeners.callFinished(call, status, e, Duration.ofNanos(System.nanoTime() - startNanos));
            }
            throw e;
        }
    }

    private <T> T retryLoop(Request request, Operation op, CallInfo call, long deadline, Reader<T> reader,
                            Outcome outcome) {
        String host = request.url().host();
        Instant pausedUntil = null;
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                throw new TransportException(new ErrorInfo(vendor, op.name(), 0, "DEADLINE_EXCEEDED",
                        "the total timeout of " + totalTimeoutMs + " ms passed before attempt " + attempt
                                + " (ClientOptions.totalTimeout)", null, false, host));
            }
            if (limits != null) {
                limits.beforeSend(op, call, pausedUntil, remaining);
                remaining = Math.max(1, deadline - clock.millis());
            }
            Request attemptRequest = attempt == 1 ? request : request.newBuilder()
                    .tag(Tags.Attempt.class, new Tags.Attempt(attempt))
                    .tag(Tags.SendPermit.class, new Tags.SendPermit(true)).build();
            Call httpCall = client.newCall(attemptRequest);
            long timeout = Math.min(attemptTimeoutMs, remaining);
            httpCall.timeout().timeout(timeout, TimeUnit.MILLISECONDS);
            long attemptStart = call == null ? 0 : System.nanoTime();
            if (call != null) {
                listeners.attemptStarted(call, attempt);
            }
            Response response = null;
            Duration delay;
            String reason;
            try {
                response = httpCall.execute();
                int status = response.code();
                if (outcome != Outcome.UNUSED) {
                    outcome.status = status;
                    outcome.headers = response.headers();
                }
                if (call != null) {
                    listeners.attemptFinished(call, attempt, status, null, Duration.ofNanos(System.nanoTime() - attemptStart));
                }
                if (status == 404 && attempt > 1 && op.goneOnResendMeansDone()) {
                    // an earlier attempt did the work and its answer was lost: done, not "not found"
                    response.close();
                    response = response.newBuilder().code(204).message("No Content")
                            .header(GONE_ON_RESEND_HEADER, "404 to attempt " + attempt)
                            .body(okhttp3.ResponseBody.create(new byte[0], null)).build();
                    status = 204;
                }
                if (status >= 200 && status < 300) {
                    try {
                        return reader.read(response, call);
                    } finally {
                        response.close();
                    }
                }
                RetryAfter.Parsed retryAfter = status == 429 || status == 503
                        ? RetryAfter.parse(response.header(RetryAfter.HIDDEN_HEADER), clock.instant(), policy.maxRetryAfter())
                        : null;
                if (retryAfter != null && retryAfter.clamped()) {
                    LOG.warn("{} HTTP {} asked to wait '{}'; honouring at most {} s (RetryPolicy.maxRetryAfter)",
                            op.qualifiedName(), status, abbreviate(retryAfter.raw()), policy.maxRetryAfter().toSeconds());
                }
                if (status == 429 && limits != null && retryAfter != null) {
                    limits.holdUntil(clock.instant().plus(retryAfter.delay()));
                }
                RateLimit quota = status == 429 && limits != null ? limits.quotaOf(op) : null;
                if (quota != null) {
                    SecOpsException decoded = decode(op, response, host, retryAfter);
                    response.close();
                    throw new QuotaExhaustedException(decoded.info(), quota.key(), limits.vendorQuotaResetsAt(op));
                }
                delay = retryAfter != null ? retryAfter.delay() : backoff(attempt);
                if (!isRetryable(op, status, response) || !mayRetry(attempt, delay, deadline)) {
                    SecOpsException decoded = decode(op, response, host, retryAfter);
                    response.close();
                    throw decoded;
                }
                reason = "HTTP " + status;
                response.close();
            } catch (IOException e) {
                if (response != null) {
                    response.close();
                }
                if (call != null && response == null) {
                    listeners.attemptFinished(call, attempt, 0, e, Duration.ofNanos(System.nanoTime() - attemptStart));
                }
                boolean interrupted = Thread.currentThread().isInterrupted();
                boolean deadlinePassed = deadline - clock.millis() <= 0 || (e instanceof InterruptedIOException
                        && !(e instanceof SocketTimeoutException) && timeout < attemptTimeoutMs);
                boolean resendRefused = e instanceof SendGuard.ResendRefusedException;
                boolean neverSent = neverSent(e);
                delay = backoff(attempt);
                if (interrupted || deadlinePassed || resendRefused || !(op.idempotent() || neverSent)
                        || httpCall.isCanceled() && !timedOut(e) || !mayRetry(attempt, delay, deadline)) {
                    throw transportError(op, host, e, attempt, timeout, interrupted, deadlinePassed);
                }
                reason = e.getClass().getSimpleName();
            } catch (RuntimeException e) {
                if (response != null) {
                    response.close();
                } else if (call != null) {
                    listeners.attemptFinished(call, attempt, 0, e, Duration.ofNanos(System.nanoTime() - attemptStart));
                }
                throw e;
            } catch (Exception e) {
                // OkHttp (Kotlin) can throw checked exceptions it does not declare, InterruptedException among them
                if (response != null) {
                    response.close();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new TransportException(new ErrorInfo(vendor, op.name(), 0,
                        e instanceof InterruptedException ? "INTERRUPTED" : "CONNECTION_FAILED",
                        e instanceof InterruptedException ? "interrupted" : describe(e, host), null, false, host), e);
            }
            LOG.info("{} attempt {} failed ({}); retrying in {} ms", op.qualifiedName(), attempt, reason, delay.toMillis());
            if (call != null) {
                listeners.retryScheduled(call, attempt + 1, delay, reason);
            }
            pausedUntil = clock.instant().plus(delay);
            pause(op, host, delay);
        }
    }

    /** The last answer's status and headers, for the per-call policies' view. */
    private static final class Outcome {
        /** Shared when nobody reads the outcome (no per-call policies, no listeners): never written. */
        static final Outcome UNUSED = new Outcome();
        int status = 200;
        okhttp3.Headers headers = okhttp3.Headers.EMPTY;
    }

    /**
     * Returns whether a failure happened before any byte of the request left: the name did not resolve,
     * nothing accepted the connection, or the TLS handshake failed. Such a request never reached the
     * vendor, so repeating it is safe whatever the operation.
     */
    static boolean neverSent(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof javax.net.ssl.SSLHandshakeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean timedOut(IOException e) {
        return e instanceof InterruptedIOException;
    }

    private boolean isRetryable(Operation op, int status, Response response) throws IOException {
        if (op.idempotent()) {
            return policy.retryableStatuses().contains(status);
        }
        return op.retryCondition().isRetrySafe(status, response.peekBody(PEEK_LIMIT).string());
    }

    private boolean mayRetry(int attempt, Duration delay, long deadline) {
        if (attempt >= policy.maxAttempts()) {
            return false;
        }
        return clock.millis() + delay.toMillis() < deadline;
    }

    /** Full jitter: uniform in [0, min(maxBackoff, initialBackoff * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long initial = policy.initialBackoff().toNanos();
        long cap = policy.maxBackoff().toNanos();
        long ceiling = attempt >= 31 ? cap : Math.min(cap, initial << Math.min(attempt - 1, 30));
        if (ceiling <= 0) {
            ceiling = cap;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void pause(Operation op, String host, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(new ErrorInfo(vendor, op.name(), 0, "INTERRUPTED",
                    "interrupted while waiting to retry", null, false, host), e);
        }
    }

    private SecOpsException decode(Operation op, Response response, String host, RetryAfter.Parsed retryAfter)
            throws IOException {
        String body = response.peekBody(PEEK_LIMIT).string();
        String requestId = requestId(response);
        ErrorResponse error = new ErrorResponse(op, response.code(), response.header("Content-Type"), body, requestId,
                retryAfter == null ? null : retryAfter.delay(), host);
        if (response.code() >= 300 && response.code() < 400) {
            String location = response.header("Location");
            return new ServerException(error.baseInfo().withVendorCode("REDIRECT").withVendorMessage(
                    "unexpected redirect" + (location == null ? "" : " to " + Redactor.originOf(location))
                            + " (redirects are not followed; check the endpoint)"));
        }
        if (response.code() < 400) {
            return new ServerException(error.baseInfo().withVendorCode("UNEXPECTED_STATUS")
                    .withVendorMessage("unexpected HTTP " + response.code()));
        }
        return decoder.decode(error);
    }

    /**
     * Returns the vendor's request id from the configured headers.
     *
     * @param response the answer
     * @return the id, or null
     */
    String requestId(Response response) {
        for (String name : requestIdHeaders) {
            String v = response.header(name);
            if (v != null && !v.isBlank()) {
                return v.length() > 128 ? v.substring(0, 128) : v;
            }
        }
        return null;
    }

    private TransportException transportError(Operation op, String host, IOException e, int attempt, long timeoutMs,
                                              boolean interrupted, boolean deadlinePassed) {
        String code;
        String message;
        if (interrupted) {
            code = "INTERRUPTED";
            message = "interrupted";
        } else if (deadlinePassed) {
            code = "DEADLINE_EXCEEDED";
            message = "the total timeout of " + totalTimeoutMs + " ms passed (ClientOptions.totalTimeout)";
        } else if (e instanceof SendGuard.ResendRefusedException) {
            code = "RESEND_REFUSED";
            message = e.getMessage();
        } else if (e instanceof InterruptedIOException) {
            code = "TIMEOUT";
            message = "no complete answer within " + timeoutMs + " ms (attempt " + attempt + "; "
                    + (e instanceof SocketTimeoutException ? "read/connect timeout" : "ClientOptions.attemptTimeout") + ")";
        } else {
            code = "CONNECTION_FAILED";
            message = describe(e, host);
            String hint = decoder.transportHint(op, host, e);
            if (hint != null && !hint.isBlank()) {
                message += "; " + hint;
            }
        }
        boolean sentNothing = !interrupted && !deadlinePassed && neverSent(e);
        boolean retryable = (op.idempotent() || sentNothing) && !interrupted;
        String suffix = sentNothing ? "; nothing was sent"
                : op.idempotent() || e instanceof SendGuard.ResendRefusedException ? ""
                : "; not repeated: the vendor may have acted on it";
        return new TransportException(new ErrorInfo(vendor, op.name(), 0, code, message + suffix, null, retryable, host), e);
    }

    /**
     * Names a connection failure with its root cause's message and, for the common ones, a hint.
     *
     * @param e    the failure
     * @param host the host
     * @return the description
     */
    static String describe(Throwable e, String host) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            detail += " (caused by " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        String hint = "";
        if (e instanceof UnknownHostException || root instanceof UnknownHostException) {
            hint = "; the host name does not resolve: check the endpoint, region or environment setting and DNS";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            hint = "; nothing accepted the connection: check the endpoint, proxy and firewall";
        } else if (e instanceof SSLException || root instanceof SSLException) {
            hint = "; TLS failed: check the endpoint, the trust store (ClientOptions.trustManager) and any intercepting proxy";
        }
        return "could not complete the exchange with " + host + ": " + abbreviate(detail) + hint;
    }

    private static String abbreviate(String s) {
        String folded = s.replaceAll("[\\r\\n\\t]+", " ");
        return folded.length() > 300 ? folded.substring(0, 300) + "..." : folded;
    }
}
