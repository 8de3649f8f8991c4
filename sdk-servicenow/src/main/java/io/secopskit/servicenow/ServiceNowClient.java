package io.secopskit.servicenow;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.servicenow.internal.ServiceNowErrorDecoder;
import io.secopskit.servicenow.internal.TokenErrorHints;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Client for a ServiceNow instance's Security Operations integration API ({@link #secOpsIntegration()})
 * and Table API ({@link #table(String)}). Immutable and thread-safe; share one per instance and
 * credential, and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (ServiceNowClient sn = ServiceNowClient.builder()
 *         .instance("acme")                                      // https://acme.service-now.com
 *         .basicAuth("integration.user", Secret.of(password))   // or clientCredentials(...) / passwordGrant(...)
 *         .build()) {
 *     sn.secOpsIntegration().postThreatLookup(ThreatLookupResult.builder()
 *         .observable(observableSysId).source("VirusTotal").result("malicious").build(), WriteOptions.defaults());
 * }
 * }</pre>
 */
public final class ServiceNowClient implements VendorClient {
    /** The vendor id: the prefix of every operation name and error ({@code servicenow.TableGet}). */
    public static final String VENDOR = "servicenow";
    /** The OAuth token endpoint path, below the instance URL. */
    public static final String TOKEN_PATH = "/oauth_token.do";
    /** The domain of instances named with {@link Builder#instance(String)}. */
    public static final String INSTANCE_DOMAIN = "service-now.com";

    private final VendorPipeline pipeline;
    private final URI endpoint;
    private final SecOpsIntegrationClient secOps;

    private ServiceNowClient(VendorPipeline pipeline, URI endpoint, SecOpsIntegrationPaths paths) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.secOps = new SecOpsIntegrationClient(pipeline, paths);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns {@value #VENDOR}. */
    @Override
    public String vendor() {
        return VENDOR;
    }

    /**
     * Returns the instance URL this client talks to, for example {@code https://acme.service-now.com}.
     *
     * @return the URL
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the SecOps integration API (the three posts). Shares this client's connection pool.
     *
     * @return the integration API client
     */
    public SecOpsIntegrationClient secOpsIntegration() {
        return secOps;
    }

    /**
     * Returns the Table API for a table, with records as maps (column name to value; reference columns
     * as nested maps unless {@code excludeReferenceLink} is set). Shares this client's connection pool.
     *
     * @param table the table name, for example {@code sn_si_incident}
     * @return the table client
     * @throws io.secopskit.core.error.ValidationException if the name is not 1 to 80 lowercase letters,
     *                                                     digits and {@code _}
     */
    public TableClient<Map<String, Object>> table(String table) {
        @SuppressWarnings("unchecked")
        Class<Map<String, Object>> maps = (Class<Map<String, Object>>) (Class<?>) Map.class;
        return new TableClient<>(pipeline, table, maps);
    }

    /**
     * Returns the Table API for a table, with records read into a class (columns it does not declare are
     * ignored).
     *
     * @param table the table name
     * @param type  the record class, for example a record with a component per column
     * @param <T>   record type
     * @return the table client
     * @throws io.secopskit.core.error.ValidationException if the table name breaks the rule
     */
    public <T> TableClient<T> table(String table, Class<T> type) {
        return new TableClient<>(pipeline, table, Objects.requireNonNull(type, "type"));
    }

    /** Releases the connection pool this client owns; later calls fail. Idempotent. */
    @Override
    public void close() {
        pipeline.close();
    }

    /** Names the instance; never credentials. */
    @Override
    public String toString() {
        return "ServiceNowClient{endpoint=" + endpoint + "}";
    }

    /**
     * Builds a {@link ServiceNowClient}. Settings may come in any order; they are checked in
     * {@link #build()}, and every problem is a {@link io.secopskit.core.error.ConfigurationException}
     * naming the setting.
     *
     * <ul>
     *   <li>Where: {@link #instance(String)} ({@code https://<name>.service-now.com}) or
     *       {@link #endpoint(URI)} (any https URL: a custom domain, a proxy, a test server on loopback);
     *       {@code endpoint} wins when both are set.</li>
     *   <li>Who, exactly one of: {@link #basicAuth}, {@link #clientCredentials}, {@link #passwordGrant}
     *       (each also taking its secrets from a {@link Supplier}, read again on token refresh and after a
     *       401), or {@link #auth(AuthStrategy)}.</li>
     *   <li>Optionally {@link #options}, and {@link #secOpsIntegrationPaths} where an instance publishes the
     *       integration API elsewhere.</li>
     * </ul>
     */
    public static final class Builder extends VendorClientBuilder<Builder, ServiceNowClient> {
        private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        private static final String CONVENIENCES = "basicAuth(...), clientCredentials(...) or passwordGrant(...)";

        private String instance;
        private boolean instanceSet;
        private String flow;
        private String conflictingFlow;
        private String user;
        private Supplier<Secret> password;
        private String clientId;
        private Supplier<Secret> clientSecret;
        private SecOpsIntegrationPaths paths = SecOpsIntegrationPaths.defaults();
        private boolean pathsSet;

        private Builder() {
            super(VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Names the instance: {@code instance("acme")} talks to {@code https://acme.service-now.com}. For a
         * custom domain or a proxy, use {@link #endpoint(URI)} instead.
         *
         * @param name the instance name (a DNS label: letters, digits, inner hyphens; at most 63 characters)
         * @return this builder
         */
        public Builder instance(String name) {
            this.instance = name;
            this.instanceSet = true;
            return this;
        }

        /**
         * Authenticates every call with HTTP Basic ({@code Authorization: Basic base64(user:password)}).
         *
         * @param user     the user name (no {@code :})
         * @param password the password
         * @return this builder
         */
        public Builder basicAuth(String user, Secret password) {
            return basicAuth(user, password == null ? null : () -> password);
        }

        /**
         * Authenticates every call with HTTP Basic, the password read from a supplier (a vault) — once, and
         * again after a 401, so that a rotated password is picked up without a new client.
         *
         * @param user     the user name (no {@code :})
         * @param password supplies the current password
         * @return this builder
         */
        public Builder basicAuth(String user, Supplier<Secret> password) {
            choose("basicAuth");
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Authenticates with OAuth tokens from {@code POST /oauth_token.do}, client-credentials grant
         * ({@code grant_type=client_credentials}, client id and secret as form fields). The instance must
         * allow that grant (Washington DC release or later).
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret its client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, Secret clientSecret) {
            return clientCredentials(clientId, clientSecret == null ? null : () -> clientSecret);
        }

        /**
         * Client-credentials grant with the client secret read from a supplier at every token request.
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret supplies the current client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, Supplier<Secret> clientSecret) {
            choose("clientCredentials");
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Authenticates with OAuth tokens from {@code POST /oauth_token.do}, resource-owner password grant
         * ({@code grant_type=password}; client id and secret as form fields). The refresh token the instance
         * returns is used for the next token, falling back to the password grant when it is refused.
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret its client secret
         * @param user         the user name
         * @param password     the user's password
         * @return this builder
         */
        public Builder passwordGrant(String clientId, Secret clientSecret, String user, Secret password) {
            return passwordGrant(clientId, clientSecret == null ? null : () -> clientSecret, user,
                    password == null ? null : () -> password);
        }

        /**
         * Password grant with the client secret and the password read from suppliers at every token request.
         *
         * @param clientId     the OAuth application's client id
         * @param clientSecret supplies the current client secret
         * @param user         the user name
         * @param password     supplies the user's current password
         * @return this builder
         */
        public Builder passwordGrant(String clientId, Supplier<Secret> clientSecret, String user,
                                     Supplier<Secret> password) {
            choose("passwordGrant");
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.user = user;
            this.password = password;
            return this;
        }

        private void choose(String name) {
            if (flow != null && !flow.equals(name) && conflictingFlow == null) {
                conflictingFlow = flow;
            }
            flow = name;
        }

        /**
         * Overrides where the SecOps integration API lives (see {@link SecOpsIntegrationPaths}).
         *
         * @param value the paths
         * @return this builder
         */
        public Builder secOpsIntegrationPaths(SecOpsIntegrationPaths value) {
            this.paths = value;
            this.pathsSet = true;
            return this;
        }

        /**
         * Builds the client from the settings.
         *
         * @return the client
         * @throws io.secopskit.core.error.ConfigurationException if the location or credentials are missing,
         *                                                        contradictory or invalid
         */
        @Override
        protected ServiceNowClient buildClient() {
            URI endpoint = resolveEndpoint(instanceUri(), "instance(name)");
            if (conflictingFlow != null) {
                throw invalid("auth", "choose exactly one of " + CONVENIENCES + "; got " + conflictingFlow
                        + "(...) and " + flow + "(...)");
            }
            if (pathsSet && paths == null) {
                throw invalid("secOpsIntegrationPaths", "must not be null");
            }
            AuthStrategy auth = resolveAuth(convenienceAuth(endpoint), CONVENIENCES);
            VendorPipeline pipeline = pipeline()
                    .endpoint(endpoint)
                    .auth(auth)
                    .errorDecoder(ServiceNowErrorDecoder.INSTANCE)
                    .requestIdHeaders("X-Transaction-ID")
                    .build();
            return new ServiceNowClient(pipeline, endpoint, paths);
        }

        private URI instanceUri() {
            if (!instanceSet) {
                return null;
            }
            if (instance == null || instance.isEmpty()) {
                throw invalid("instance", "must not be empty");
            }
            if (instance.contains("://") || instance.contains(".") || instance.contains("/")) {
                throw invalid("instance", "takes the instance name, for example 'acme' for https://acme."
                        + INSTANCE_DOMAIN + ", not a URL or host name; use endpoint(URI) for a full URL");
            }
            if (!INSTANCE_NAME.matcher(instance).matches()) {
                throw invalid("instance", "must be a DNS label (letters, digits and inner hyphens, at most 63"
                        + " characters): " + io.secopskit.core.spi.Inputs.quote(instance));
            }
            return URI.create("https://" + instance.toLowerCase(Locale.ROOT) + "." + INSTANCE_DOMAIN);
        }

        private AuthStrategy convenienceAuth(URI endpoint) {
            if (flow == null) {
                return null;
            }
            switch (flow) {
                case "basicAuth":
                    requireText("basicAuth", "user", user);
                    if (user.indexOf(':') >= 0) {
                        throw invalid("basicAuth", "user must not contain ':' (HTTP Basic cannot carry it)");
                    }
                    require("basicAuth", "password", password);
                    return BasicAuth.of(user, nonNull("basicAuth", "password", password));
                case "clientCredentials":
                    requireText("clientCredentials", "clientId", clientId);
                    require("clientCredentials", "clientSecret", clientSecret);
                    return new TokenErrorHints(oauth(endpoint).build(), TokenErrorHints.CLIENT_CREDENTIALS);
                case "passwordGrant":
                    requireText("passwordGrant", "clientId", clientId);
                    require("passwordGrant", "clientSecret", clientSecret);
                    requireText("passwordGrant", "user", user);
                    require("passwordGrant", "password", password);
                    return new TokenErrorHints(oauth(endpoint).passwordGrant(user, nonNull("passwordGrant", "password",
                            password)).build(),
                            TokenErrorHints.PASSWORD_GRANT);
                default:
                    throw new IllegalStateException("unknown auth flow " + flow);
            }
        }

        private OAuth2ClientCredentialsAuth.Builder oauth(URI endpoint) {
            String base = endpoint.toString();
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            return OAuth2ClientCredentialsAuth.builder()
                    .tokenEndpoint(URI.create(base + TOKEN_PATH))
                    .credentials(clientId, nonNull(flow, "clientSecret", clientSecret))
                    .clientAuthentication(OAuth2ClientCredentialsAuth.ClientAuthentication.FORM);
        }

        /** A supplier that reports a null secret as the configuration error it is, when it is read. */
        private static Supplier<Secret> nonNull(String flowName, String what, Supplier<Secret> supplier) {
            return () -> {
                Secret value = supplier.get();
                if (value == null) {
                    throw new io.secopskit.core.error.ConfigurationException(VENDOR, flowName,
                            "the " + what + " supplier returned null");
                }
                return value;
            };
        }

        private void requireText(String flowName, String what, String value) {
            if (value == null || value.isBlank()) {
                throw invalid(flowName, what + " must not be blank");
            }
        }

        private void require(String flowName, String what, Object value) {
            if (value == null) {
                throw invalid(flowName, what + " must not be null");
            }
        }
    }
}
