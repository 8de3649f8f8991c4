package io.secopskit.core.internal.http;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.http.Operation;
import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Step 4 (inside retry, so each attempt has a valid credential): adds the strategy's headers, refusing
 * plain http except to loopback; on 401 tells the strategy and, if it asks for it, replays once with
 * fresh credentials. A second 401 goes back to the caller. Internal.
 */
final class AuthInterceptor implements Interceptor {
    private final AuthStrategy strategy;
    private final AuthContext context;

    AuthInterceptor(AuthStrategy strategy, AuthContext context) {
        this.strategy = strategy;
        this.context = context;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AuthHeaders headers = strategy.authenticate(context);
        if (!headers.isEmpty()) {
            Operation op = request.tag(Operation.class);
            Hosts.requireSecureForCredentials(context.vendor(), op == null ? null : op.name(),
                    request.url().scheme(), request.url().host());
        }
        Response response = chain.proceed(apply(request, headers));
        if (response.code() == 401 && strategy.onUnauthorized(headers)) {
            response.close();
            AuthHeaders fresh = strategy.authenticate(context);
            return chain.proceed(apply(request, fresh));
        }
        return response;
    }

    private static Request apply(Request request, AuthHeaders headers) {
        if (headers.isEmpty()) {
            return request;
        }
        Request.Builder b = request.newBuilder();
        for (Map.Entry<String, Secret> e : headers.asMap().entrySet()) {
            b.header(e.getKey(), e.getValue().reveal());
        }
        return b.build();
    }
}
