package io.secopskit.core.internal.http;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.http.Operation;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The auth step (inside retry, so each attempt has a valid credential): adds the strategy's headers,
 * refusing plain http except to loopback, and records their names so the logging step masks them
 * whatever the user lists; on 401 tells the strategy and, if it asks for it, replays once with fresh
 * credentials (the vendor refused the first send, so the replay is not a repeat of work done). A second
 * 401 goes back to the caller. Internal.
 */
final class AuthInterceptor implements Interceptor {
    private final AuthStrategy strategy;
    private final AuthContext context;
    private final Set<String> credentialHeaderNames;
    private volatile AuthHeaders recorded;

    AuthInterceptor(AuthStrategy strategy, AuthContext context, Set<String> credentialHeaderNames) {
        this.strategy = strategy;
        this.context = context;
        this.credentialHeaderNames = credentialHeaderNames;
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
        Response response = chain.proceed(apply(request, headers, false));
        if (response.code() == 401 && strategy.onUnauthorized(context, headers)) {
            response.close();
            AuthHeaders fresh = strategy.authenticate(context);
            return chain.proceed(apply(request, fresh, true));
        }
        return response;
    }

    private Request apply(Request request, AuthHeaders headers, boolean replay) {
        if (headers.isEmpty() && !replay) {
            return request;
        }
        Request.Builder b = request.newBuilder();
        boolean record = recorded != headers;
        for (Map.Entry<String, Secret> e : headers.asMap().entrySet()) {
            if (record) {
                credentialHeaderNames.add(e.getKey().toLowerCase(Locale.ROOT));
            }
            b.header(e.getKey(), e.getValue().reveal());
        }
        if (record) {
            recorded = headers;
        }
        if (replay) {
            b.tag(Tags.SendPermit.class, new Tags.SendPermit(true));
        }
        return b.build();
    }
}
