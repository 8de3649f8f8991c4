package io.secopskit.core.internal.http;

import io.secopskit.core.http.Operation;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging step, closest to the wire: one DEBUG line per attempt (operation, method, path, status, duration,
 * attempt) on logger {@code io.secopskit.http}; at TRACE also allow-listed headers and bodies with
 * secret fields masked. Credential headers (the fixed list and every header the auth strategy set),
 * token-endpoint bodies and the query of a {@code Location} are never logged. Internal.
 */
final class LoggingInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.http");
    private static final long BODY_LIMIT = 16 * 1024;
    private static final Set<String> NEVER = Set.of("authorization", "x-auth-token", "cookie", "set-cookie",
            "proxy-authorization", "x-api-key");
    private static final Set<String> DEFAULT_ALLOWED = Set.of("content-type", "content-length", "retry-after",
            "link", "x-total-count", "location", "date", "x-tenant-context", "user-agent", "accept");

    private static final String RETRY_AFTER_HIDDEN = RetryAfter.HIDDEN_HEADER.toLowerCase(Locale.ROOT);

    private final Redactor redactor;
    private final Set<String> allowedHeaders;
    private final Set<String> credentialHeaderNames;

    LoggingInterceptor(Redactor redactor, Set<String> extraAllowed, Iterable<String> requestIdHeaders,
                       Set<String> credentialHeaderNames) {
        this.redactor = redactor;
        this.credentialHeaderNames = credentialHeaderNames;
        Set<String> allowed = new TreeSet<>(DEFAULT_ALLOWED);
        extraAllowed.forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        requestIdHeaders.forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        allowed.removeAll(NEVER);
        this.allowedHeaders = Set.copyOf(allowed);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        Operation op = request.tag(Operation.class);
        Tags.Attempt attempt = request.tag(Tags.Attempt.class);
        boolean tokenCall = request.tag(Tags.TokenRequest.class) != null;
        String name = op == null ? "http" : op.qualifiedName();
        String target = redactor.pathAndQuery(request.url());
        int attemptNo = attempt == null ? 1 : attempt.number();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} {} request headers {} body {}", name, request.method(), target, headers(request.headers()),
                    tokenCall ? "<token request, not logged>" : requestBody(request));
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.debug("{} {} {} failed after {} ms (attempt {}): {}", name, request.method(), target,
                    (System.nanoTime() - started) / 1_000_000, attemptNo, e.getClass().getSimpleName());
            throw e;
        }
        LOG.debug("{} {} {} -> {} in {} ms (attempt {})", name, request.method(), target, response.code(),
                (System.nanoTime() - started) / 1_000_000, attemptNo);
        if (LOG.isTraceEnabled()) {
            String body = tokenCall ? "<token response, not logged>"
                    : redactor.body(response.peekBody(BODY_LIMIT).string(), response.header("Content-Type"));
            LOG.trace("{} response headers {} body {}", name, headers(response.headers()), body);
        }
        return response;
    }

    private String headers(Headers headers) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < headers.size(); i++) {
            String n = headers.name(i);
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.equals(RETRY_AFTER_HIDDEN)) {
                sb.append(sb.length() > 1 ? ", " : "").append("Retry-After=").append(headers.value(i));
            } else if (NEVER.contains(lower) || credentialHeaderNames.contains(lower)) {
                sb.append(sb.length() > 1 ? ", " : "").append(n).append('=').append(Redactor.MASK);
            } else if (lower.equals("location")) {
                sb.append(sb.length() > 1 ? ", " : "").append(n).append('=').append(Redactor.originOf(headers.value(i)));
            } else if (allowedHeaders.contains(lower)) {
                sb.append(sb.length() > 1 ? ", " : "").append(n).append('=').append(headers.value(i));
            }
        }
        return sb.append('}').toString();
    }

    private String requestBody(Request request) throws IOException {
        if (request.body() == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        String text = buffer.readUtf8(Math.min(buffer.size(), BODY_LIMIT));
        okhttp3.MediaType type = request.body().contentType();
        return redactor.body(text, type == null ? null : type.toString());
    }
}
