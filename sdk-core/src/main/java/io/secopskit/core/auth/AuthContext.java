package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * What a client offers an {@link AuthStrategy}: the vendor name for errors, the client's clock, and a
 * way to call a token endpoint over the client's connection pool (user agent, timeouts and redacting
 * logging apply; rate limits, retries and authentication do not).
 */
public interface AuthContext {
    /** Returns the vendor id of the client, for error messages. */
    String vendor();

    /** Returns the client's clock. */
    Clock clock();

    /**
     * Sends a POST to a token endpoint. Refuses plain {@code http://} unless the host is loopback.
     *
     * @param endpoint    the token endpoint
     * @param headers     request headers; values are secrets because they usually carry credentials
     * @param contentType the body's media type, or null for an empty body
     * @param body        the body (for example a form with a client secret), or null for an empty body
     * @return the endpoint's answer, whatever its status
     * @throws io.secopskit.core.error.TransportException if no response arrives
     * @throws io.secopskit.core.error.InvalidRequestException if the endpoint is plain http to a non-loopback host
     */
    TokenEndpointResponse post(URI endpoint, Map<String, Secret> headers, String contentType, Secret body);
}
