package io.secopskit.chronicle;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.internal.GoogleKeys;
import io.secopskit.chronicle.internal.GoogleTokenTransport;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.IssuedToken;
import io.secopskit.core.auth.TokenAuthStrategy;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Google service-account authentication for the Google Security Operations APIs: a service-account key,
 * scoped (by default to {@value #SCOPE}), exchanged for access tokens sent as
 * {@code Authorization: Bearer <access token>}.
 *
 * <p>google-auth-library signs the JWT assertion; the token request itself goes through the SecOpsKit client's
 * own HTTP pipeline and connection pool (google-auth-library is given a transport that sends through
 * {@link AuthContext#post}), so Google's token call obeys the same rules as every SecOpsKit token call: the
 * key's {@code token_uri} must be https (plain http only to loopback), redirects are never followed (the signed
 * assertion goes nowhere else), the answer is size-limited, and errors name the host and keep the root cause.
 * google-auth-library's own retry loop never runs: a refused request becomes
 * {@link AuthenticationException} at once, keeping Google's HTTP status and OAuth error code (for example
 * HTTP 400 {@code invalid_grant}); a redirect becomes {@link AuthenticationException} with code
 * {@code REDIRECT}; a 5xx becomes {@code ServerException}.
 *
 * <p>Tokens are cached, refreshed and backed off by {@link TokenAuthStrategy} (a {@code ReentrantLock}, never a
 * monitor): one token request at a time however many threads call, none during a failure
 * backoff, a 401 answered by one refresh and one replay. The token's lifetime is Google's {@code expires_in},
 * counted on the client's clock. Thread-safe.
 */
public final class GoogleServiceAccountAuth extends TokenAuthStrategy {
    /** The OAuth scope of the Backstory APIs (the partner Customer Management API). */
    public static final String SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

    private final KeySource source;
    private final List<String> scopes;

    private GoogleServiceAccountAuth(KeySource source, List<String> scopes) {
        super(new Builder());
        this.source = source;
        this.scopes = scopes;
    }

    /**
     * Uses service-account credentials, scoped to {@value #SCOPE}.
     *
     * @param credentials a {@link ServiceAccountCredentials} (for example from
     *                    {@code ServiceAccountCredentials.fromStream(...)})
     * @return the strategy
     * @throws IllegalArgumentException if the credentials are not service-account credentials
     * @throws ConfigurationException   if their {@code token_uri} is plain http to a host that is not loopback
     */
    public static GoogleServiceAccountAuth of(GoogleCredentials credentials) {
        return of(credentials, List.of(SCOPE));
    }

    /**
     * Uses service-account credentials re-scoped to exactly {@code scopes}. The Chronicle API tenant service uses
     * this with its own documented scopes.
     *
     * @param credentials a {@link ServiceAccountCredentials}
     * @param scopes      the OAuth scopes, at least one
     * @return the strategy
     * @throws IllegalArgumentException if the credentials are not service-account credentials or no scope is given
     * @throws ConfigurationException   if their {@code token_uri} is plain http to a host that is not loopback
     */
    public static GoogleServiceAccountAuth of(GoogleCredentials credentials, List<String> scopes) {
        Objects.requireNonNull(credentials, "credentials");
        List<String> copy = checkScopes(scopes);
        if (!(credentials instanceof ServiceAccountCredentials account)) {
            throw new IllegalArgumentException("credentials must be service-account credentials (ServiceAccountCredentials),"
                    + " whose token requests SecOpsKit sends over its own HTTP pipeline; got "
                    + credentials.getClass().getSimpleName() + " — for other credential kinds, implement AuthStrategy and "
                    + "pass it with auth(...)");
        }
        GoogleKeys.requireTokenUri(ChronicleClient.VENDOR, "credentials", account.getTokenServerUri());
        ServiceAccountCredentials scoped = (ServiceAccountCredentials) account.createScoped(copy);
        return new GoogleServiceAccountAuth(vendor -> scoped, copy);
    }

    /**
     * Reads the service-account key (JSON) from a supplier — a vault — at every token request: when the client
     * starts, at every refresh and after a 401, so a rotated key needs no new client. The supplier's value is
     * never logged or quoted.
     *
     * @param keyJson supplies the key file's JSON text
     * @param scopes  the OAuth scopes, at least one
     * @return the strategy
     * @throws IllegalArgumentException if no scope is given
     */
    public static GoogleServiceAccountAuth fromKey(Supplier<Secret> keyJson, List<String> scopes) {
        Objects.requireNonNull(keyJson, "keyJson");
        List<String> copy = checkScopes(scopes);
        return new GoogleServiceAccountAuth(vendor -> {
            Secret key = keyJson.get();
            if (key == null) {
                throw new ConfigurationException(vendor, "serviceAccountKey", "the key supplier returned null");
            }
            ServiceAccountCredentials parsed = GoogleKeys.parse(vendor, "serviceAccountKey",
                    key.reveal().getBytes(StandardCharsets.UTF_8));
            return (ServiceAccountCredentials) parsed.createScoped(copy);
        }, copy);
    }

    private static List<String> checkScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("at least one scope is required, none blank");
        }
        return List.copyOf(scopes);
    }

    /**
     * Returns the OAuth scopes tokens are requested for.
     *
     * @return the OAuth scopes tokens are requested for
     */
    public List<String> scopes() {
        return scopes;
    }

    @Override
    protected IssuedToken fetchToken(AuthContext context) {
        ServiceAccountCredentials base = source.credentials(context.vendor());
        GoogleTokenTransport transport = new GoogleTokenTransport(context);
        ServiceAccountCredentials bound = base.toBuilder().setHttpTransportFactory(transport).build();
        AccessToken token;
        try {
            token = bound.refreshAccessToken();
        } catch (IOException e) {
            throw failed(context.vendor(), transport, e);
        }
        TokenEndpointResponse answer = transport.answer();
        if (token == null || token.getTokenValue() == null || token.getTokenValue().isBlank()) {
            throw new ServerException(new ErrorInfo(context.vendor(), "token", answer == null ? 0 : answer.status(),
                    "MALFORMED_TOKEN_RESPONSE", "Google's token answer carried no access token", null, true, transport.host()));
        }
        Duration lifetime = answer == null ? null : GoogleTokenTransport.expiresIn(answer.body());
        Instant now = context.clock().instant();
        return new IssuedToken(Secret.of(token.getTokenValue()), now.plus(lifetime == null ? DEFAULT_LIFETIME : lifetime), null);
    }

    /** A failure google-auth-library reported as an IOException: the answer was unreadable, or nothing was sent. */
    private static RuntimeException failed(String vendor, GoogleTokenTransport transport, IOException e) {
        TokenEndpointResponse answer = transport.answer();
        if (answer != null) {
            return new ServerException(new ErrorInfo(vendor, "token", answer.status(), "MALFORMED_TOKEN_RESPONSE",
                    "Google's token answer could not be read: " + GoogleKeys.describe(e), null, true, transport.host()), e);
        }
        return new AuthenticationException(new ErrorInfo(vendor, "token", 0, "SIGNING_FAILED",
                "could not sign the token request with the service-account key: " + GoogleKeys.describe(e), null, false,
                transport.host()), e);
    }

    /** Names the scopes only; never the key. */
    @Override
    public String toString() {
        return "GoogleServiceAccountAuth{scopes=" + scopes + "}";
    }

    /** Where the (scoped) credentials come from at each token request. */
    @FunctionalInterface
    private interface KeySource {
        ServiceAccountCredentials credentials(String vendor);
    }

    /** The token cache settings (defaults only). */
    private static final class Builder extends TokenAuthStrategy.Builder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
