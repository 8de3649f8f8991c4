package io.secopskit.core.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The first network interceptor: makes a resend that the pipeline did not decide impossible. Every send
 * the pipeline decides on carries a fresh {@link Tags.SendPermit}; a second network send with the same
 * permit (OkHttp's own follow-up or recovery logic) fails with {@link ResendRefusedException} instead of
 * reaching the server. It also moves {@code Retry-After} out of OkHttp's sight, because OkHttp repeats a
 * 503 answered with {@code Retry-After: 0} by itself — whatever the method — and throws
 * {@code NumberFormatException} on values beyond an int; the retry step reads the value under
 * {@link RetryAfter#HIDDEN_HEADER} instead. Internal.
 */
final class SendGuard implements Interceptor {
    static final SendGuard INSTANCE = new SendGuard();

    private SendGuard() {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Tags.SendPermit permit = request.tag(Tags.SendPermit.class);
        if (permit != null && !permit.claim()) {
            throw new ResendRefusedException(request.method() + " " + request.url().host()
                    + ": refused a second network send of one attempt (HTTP client follow-up)");
        }
        Response response = chain.proceed(request);
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null) {
            return response;
        }
        return response.newBuilder().removeHeader("Retry-After").header(RetryAfter.HIDDEN_HEADER, retryAfter).build();
    }

    /** A resend the pipeline did not decide on was stopped before it reached the network. */
    static final class ResendRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        ResendRefusedException(String message) {
            super(message);
        }
    }
}
