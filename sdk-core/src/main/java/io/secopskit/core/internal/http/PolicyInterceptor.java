package io.secopskit.core.internal.http;

import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Runs the per-attempt user policies inside an attempt, before the auth step. Internal. */
final class PolicyInterceptor implements Interceptor {
    private final List<HttpPolicy> policies;

    PolicyInterceptor(List<HttpPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Operation op = chain.request().tag(Operation.class);
        Tags.Attempt attempt = chain.request().tag(Tags.Attempt.class);
        try {
            return PolicyChain.run(policies, chain.request(), op, attempt == null ? 1 : attempt.number(), r -> {
                try {
                    return chain.proceed(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
