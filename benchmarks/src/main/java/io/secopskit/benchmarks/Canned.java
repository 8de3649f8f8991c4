package io.secopskit.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Answers every request without a network: the tenant JSON, or a token for token requests. */
final class Canned implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final byte[] BODY = TenantRecord.JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    final AtomicLong tokenRequests = new AtomicLong();
    private final long tokenLifetimeSeconds;

    Canned(long tokenLifetimeSeconds) {
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    }

    @Override
    public Response intercept(Chain chain) {
        boolean token = chain.request().url().encodedPath().endsWith("/token");
        byte[] body = BODY;
        if (token) {
            long n = tokenRequests.incrementAndGet();
            body = ("{\"access_token\":\"tok-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .header("Content-Type", "application/json").body(ResponseBody.create(body, JSON)).build();
    }
}
