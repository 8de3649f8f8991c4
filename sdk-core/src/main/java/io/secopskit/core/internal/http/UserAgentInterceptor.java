package io.secopskit.core.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Step 1: sets {@code User-Agent: secopskit/<v> java/<v> [application id]}. Internal. */
final class UserAgentInterceptor implements Interceptor {
    private final String userAgent;

    UserAgentInterceptor(String applicationId) {
        this.userAgent = applicationId == null ? SdkVersion.userAgent() : SdkVersion.userAgent() + " " + applicationId;
    }

    String value() {
        return userAgent;
    }

    /** Requests built by the pipeline carry the header already; others (token calls) get it here. */
    @Override
    public Response intercept(Chain chain) throws IOException {
        if (userAgent.equals(chain.request().header("User-Agent"))) {
            return chain.proceed(chain.request());
        }
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
