package io.secopskit.core.internal.http;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The {@link AuthContext} of a pipeline: token calls over the client's connection pool, with the same
 * rules as every call — https unless loopback, no redirects, a size limit on the answer, the attempt
 * timeout, redacting logging (token bodies never logged) — and errors that name the host and the root
 * cause. Internal.
 */
final class TokenCaller implements AuthContext {
    private final String vendor;
    private final Clock clock;
    private final OkHttpClient client;
    private final Operation tokenOperation;
    private final String userAgent;
    private final long maxBytes;
    private final long timeoutMs;
    private final Listeners listeners;

    TokenCaller(String vendor, Clock clock, OkHttpClient client, String userAgent, long maxBytes, Duration timeout,
                Listeners listeners) {
        this.vendor = vendor;
        this.clock = clock;
        this.client = client;
        this.tokenOperation = Operation.builder(vendor, "token", "POST", "/token").idempotent(false).build();
        this.userAgent = userAgent;
        this.maxBytes = maxBytes;
        this.timeoutMs = timeout.toMillis();
        this.listeners = listeners;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public TokenEndpointResponse post(URI endpoint, Map<String, Secret> headers, String contentType, Secret body) {
        Objects.requireNonNull(endpoint, "endpoint");
        HttpUrl url = HttpUrl.parse(endpoint.toString());
        if (url == null) {
            throw new io.secopskit.core.error.ConfigurationException(vendor, "tokenEndpoint",
                    "is not an http(s) URL: " + endpoint.getScheme() + "://" + endpoint.getHost());
        }
        String host = url.host();
        Hosts.requireSecureForCredentials(vendor, "token", url.scheme(), host);
        // bytes, not a String: OkHttp would append "; charset=utf-8" to a text body's declared type
        RequestBody requestBody = RequestBody.create(
                body == null ? new byte[0] : body.reveal().getBytes(StandardCharsets.UTF_8),
                contentType == null ? null : MediaType.get(contentType));
        Request.Builder b = new Request.Builder().url(url).post(requestBody)
                .header("User-Agent", userAgent)
                .tag(Operation.class, tokenOperation)
                .tag(Tags.TokenRequest.class, new Tags.TokenRequest())
                .tag(Tags.SendPermit.class, new Tags.SendPermit(true));
        headers.forEach((k, v) -> b.header(k, v.reveal()));
        long started = System.nanoTime();
        if (listeners.enabled()) {
            listeners.tokenRefreshStarted(vendor, host);
        }
        Call call = client.newCall(b.build());
        call.timeout().timeout(timeoutMs, TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            String text = read(response, host);
            String type = response.header("Content-Type");
            String location = response.code() >= 300 && response.code() < 400 ? response.header("Location") : null;
            TokenEndpointResponse answer = new TokenEndpointResponse(response.code(), type, text,
                    location == null ? null : Redactor.originOf(location));
            if (listeners.enabled()) {
                listeners.tokenRefreshFinished(vendor, host, Duration.ofNanos(System.nanoTime() - started),
                        answer.isSuccessful() ? null : new SecOpsException(new ErrorInfo(vendor, "token",
                                response.code(), null, "token endpoint answered HTTP " + response.code(), null, false, host)));
            }
            return answer;
        } catch (IOException e) {
            boolean interrupted = e instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
            TransportException failure = new TransportException(new ErrorInfo(vendor, "token", 0,
                    interrupted ? "INTERRUPTED" : e instanceof InterruptedIOException ? "TIMEOUT" : "CONNECTION_FAILED",
                    interrupted ? "interrupted" : "token endpoint: " + CallExecutor.describe(e, host), null, !interrupted, host), e);
            if (listeners.enabled()) {
                listeners.tokenRefreshFinished(vendor, host, Duration.ofNanos(System.nanoTime() - started), failure);
            }
            throw failure;
        } catch (RuntimeException e) {
            if (listeners.enabled()) {
                listeners.tokenRefreshFinished(vendor, host, Duration.ofNanos(System.nanoTime() - started), e);
            }
            throw e;
        } catch (Exception e) {
            // OkHttp (Kotlin) can throw checked exceptions it does not declare, InterruptedException among them
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TransportException failure = new TransportException(new ErrorInfo(vendor, "token", 0,
                    e instanceof InterruptedException ? "INTERRUPTED" : "CONNECTION_FAILED",
                    e instanceof InterruptedException ? "interrupted" : "token endpoint: " + CallExecutor.describe(e, host),
                    null, false, host), e);
            if (listeners.enabled()) {
                listeners.tokenRefreshFinished(vendor, host, Duration.ofNanos(System.nanoTime() - started), failure);
            }
            throw failure;
        }
    }

    private String read(Response response, String host) throws IOException {
        long length = response.body().contentLength();
        if (length > maxBytes) {
            throw tooLarge(response.code(), host);
        }
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(response.code(), host);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ServerException tooLarge(int status, String host) {
        return new ServerException(new ErrorInfo(vendor, "token", status, "RESPONSE_TOO_LARGE",
                "the token endpoint's answer is larger than " + maxBytes + " bytes (ClientOptions.maxTokenResponseBytes)",
                null, false, host));
    }
}
