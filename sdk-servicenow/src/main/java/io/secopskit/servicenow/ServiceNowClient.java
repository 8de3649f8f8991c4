package io.secopskit.servicenow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.internal.http.Hosts;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.internal.json.Json;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.internal.ServiceNowErrorDecoder;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Client for a ServiceNow instance's Security Operations integration API and Table API. Immutable and
 * thread-safe; share one per instance and credential.
 *
 * <pre>{@code
 * ServiceNowClient sn = ServiceNowClient.builder()
 *     .instance(URI.create("https://acme.service-now.com"))
 *     .basicAuth("integration.user", Secret.of(password))      // or oauthPassword(...) / oauthClientCredentials(...)
 *     .build();
 * sn.secOpsIntegration().postThreatLookup(ThreatLookupResult.builder()
 *     .observable(observableSysId).source("VirusTotal").result("malicious").build(), WriteOptions.defaults());
 * }</pre>
 */
public final class ServiceNowClient {
    /** The OAuth token endpoint path. */
    public static final String TOKEN_PATH = "/oauth_token.do";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final VendorPipeline pipeline;
    private final SecOpsIntegrationClient secOps;
    private final URI endpoint;

    private ServiceNowClient(Builder b) {
        this.endpoint = b.instance;
        if (b.instance == null) {
            throw new IllegalArgumentException("instance(...) is required");
        }
        if (b.auth == null) {
            throw new IllegalArgumentException("an auth mode is required: basicAuth(...), oauthPassword(...) or oauthClientCredentials(...)");
        }
        this.pipeline = VendorPipeline.builder(Responses.VENDOR)
                .endpoint(b.instance)
                .auth(b.auth)
                .options(b.options)
                .errorDecoder(ServiceNowErrorDecoder.INSTANCE)
                .requestIdHeaders("X-Transaction-ID", "X-Request-Id")
                .build();
        this.secOps = new SecOpsIntegrationClient(pipeline, b.paths);
    }

    /**
     * Returns the instance URI this client talks to (for plans and messages).
     *
     * @return the URI
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the SecOps integration API. */
    public SecOpsIntegrationClient secOpsIntegration() {
        return secOps;
    }

    /**
     * Returns the Table API for a table, with records as maps.
     *
     * @param table the table name, for example {@code sn_si_incident}
     * @return the table client
     */
    public TableClient<Map<String, Object>> table(String table) {
        return new TableClient<>(pipeline, table, Json.mapper().constructType(MAP));
    }

    /**
     * Returns the Table API for a table, with records read into a class (unknown columns ignored).
     *
     * @param table the table name
     * @param type  the record class
     * @param <T>   record type
     * @return the table client
     */
    public <T> TableClient<T> table(String table, Class<T> type) {
        return new TableClient<>(pipeline, table, Json.mapper().constructType(type));
    }

    /** Builds a {@link ServiceNowClient}. */
    public static final class Builder {
        private URI instance;
        private AuthStrategy auth;
        private String authMode;
        private ClientOptions options = ClientOptions.defaults();
        private SecOpsIntegrationPaths paths = SecOpsIntegrationPaths.defaults();

        private Builder() {
        }

        /**
         * Sets the instance URL, for example {@code https://acme.service-now.com}. https is required except
         * for loopback hosts (tests).
         *
         * @param value the instance URL
         * @return this builder
         */
        public Builder instance(URI value) {
            this.instance = Hosts.requireEndpoint(Responses.VENDOR, "instance", value);
            return this;
        }

        /**
         * Authenticates every call with HTTP Basic.
         *
         * @param user     the user name
         * @param password the password
         * @return this builder
         */
        public Builder basicAuth(String user, Secret password) {
            return mode("basicAuth", BasicAuth.of(user, password));
        }

        /**
         * Authenticates with OAuth tokens from {@code /oauth_token.do}, password grant (client id and secret
         * sent as form fields). Refresh tokens are used when the instance returns them.
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret its client secret
         * @param user         the user name
         * @param password     the user's password
         * @return this builder
         */
        public Builder oauthPassword(String clientId, Secret clientSecret, String user, Secret password) {
            requireInstance();
            return mode("oauthPassword", oauth(clientId, clientSecret).passwordGrant(user, password).build());
        }

        /**
         * Authenticates with OAuth tokens from {@code /oauth_token.do}, client-credentials grant.
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret its client secret
         * @return this builder
         */
        public Builder oauthClientCredentials(String clientId, Secret clientSecret) {
            requireInstance();
            return mode("oauthClientCredentials", oauth(clientId, clientSecret).build());
        }

        private OAuth2ClientCredentialsAuth.Builder oauth(String clientId, Secret clientSecret) {
            return OAuth2ClientCredentialsAuth.builder().tokenEndpoint(instance.resolve(TOKEN_PATH))
                    .credentials(clientId, clientSecret)
                    .clientAuthentication(OAuth2ClientCredentialsAuth.ClientAuthentication.FORM);
        }

        private void requireInstance() {
            if (instance == null) {
                throw new IllegalStateException("call instance(...) before choosing OAuth");
            }
        }

        private Builder mode(String name, AuthStrategy strategy) {
            if (authMode != null && !authMode.equals(name)) {
                throw new IllegalStateException("auth mode already chosen: " + authMode + "; choose exactly one");
            }
            this.authMode = name;
            this.auth = strategy;
            return this;
        }

        /**
         * Overrides where the SecOps integration API lives (see {@link SecOpsIntegrationPaths}).
         *
         * @param value the paths
         * @return this builder
         */
        public Builder secOpsIntegrationPaths(SecOpsIntegrationPaths value) {
            this.paths = Objects.requireNonNull(value, "paths");
            return this;
        }

        /**
         * Sets timeouts, retries, rate limits, clock, sleeper and the shared OkHttp client.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(ClientOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public ServiceNowClient build() {
            return new ServiceNowClient(this);
        }
    }
}
