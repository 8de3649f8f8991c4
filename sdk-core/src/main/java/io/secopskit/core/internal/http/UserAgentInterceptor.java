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

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
