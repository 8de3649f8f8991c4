package io.secopskit.core.internal.http;

import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.HttpRequest;
import io.secopskit.core.http.HttpResponse;
import io.secopskit.core.http.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs user {@link HttpPolicy}s around a terminal step, translating between OkHttp's request and the SDK's
 * views. A policy must call {@code proceed} exactly once and return what it got; it may only add or change
 * headers. Internal.
 */
final class PolicyChain {
    /** The step after the last policy. */
    @FunctionalInterface
    interface Terminal {
        Response proceed(Request request);
    }

    private PolicyChain() {
    }

    static Response run(List<HttpPolicy> policies, Request request, Operation op, int attempt, Terminal terminal) {
        return run(policies, 0, request, op, attempt, terminal);
    }

    private static Response run(List<HttpPolicy> policies, int index, Request request, Operation op, int attempt,
                                Terminal terminal) {
        if (index == policies.size()) {
            return terminal.proceed(request);
        }
        HttpPolicy policy = policies.get(index);
        HttpRequest view = view(request, op, attempt);
        Response[] sent = new Response[1];
        HttpResponse[] answered = new HttpResponse[1];
        HttpResponse result = policy.process(view, changed -> {
            if (sent[0] != null) {
                throw new IllegalStateException("policy " + policy.getClass().getName()
                        + " called proceed twice; a policy may send a request only once");
            }
            Request next = apply(request, view, Objects.requireNonNull(changed, "request"));
            Response response = run(policies, index + 1, next, op, attempt, terminal);
            sent[0] = response;
            answered[0] = view(response);
            return answered[0];
        });
        if (sent[0] == null || result != answered[0]) {
            if (sent[0] != null) {
                sent[0].close();
            }
            throw new IllegalStateException("policy " + policy.getClass().getName()
                    + " must return the response of proceed (called: " + (sent[0] != null) + ")");
        }
        return sent[0];
    }

    private static HttpRequest view(Request request, Operation op, int attempt) {
        return new HttpRequest(op, request.method(), request.url().host(), request.url().toString(), attempt,
                request.headers().toMultimap());
    }

    private static HttpResponse view(Response response) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().toMultimap());
        List<String> retryAfter = headers.remove(RetryAfter.HIDDEN_HEADER.toLowerCase(Locale.ROOT));
        if (retryAfter != null) {
            headers.put("retry-after", retryAfter);
        }
        return new HttpResponse(response.code(), headers);
    }

    private static Request apply(Request request, HttpRequest before, HttpRequest after) {
        if (after == before || after.headers().equals(before.headers())) {
            return request;
        }
        if (!after.method().equals(before.method()) || !after.url().equals(before.url())) {
            throw new IllegalStateException("a policy may change headers only");
        }
        Headers.Builder headers = new Headers.Builder();
        after.headers().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        return request.newBuilder().headers(headers.build()).build();
    }
}
