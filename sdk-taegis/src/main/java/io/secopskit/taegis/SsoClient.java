package io.secopskit.taegis;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.Pager;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.GraphQLTransport.NullResult;
import io.secopskit.taegis.internal.Projections;
import io.secopskit.taegis.internal.TaegisIds;
import io.secopskit.taegis.internal.generated.CreateSSOConnectionMutationRequest;
import io.secopskit.taegis.internal.generated.DeleteSSOConnectionMutationRequest;
import io.secopskit.taegis.internal.generated.GetSSOConnectionConfigQueryRequest;
import io.secopskit.taegis.internal.generated.GetSSOConnectionQueryRequest;
import io.secopskit.taegis.internal.generated.SSOConnectionsQueryRequest;
import io.secopskit.taegis.internal.generated.UpdateSSOConnectionMutationRequest;
import io.secopskit.taegis.internal.wire.NewSsoConnectionInput;
import io.secopskit.taegis.internal.wire.UpdateSsoConnectionInput;
import io.secopskit.taegis.model.SamlConfiguration;
import io.secopskit.taegis.model.SsoConfigSource;
import io.secopskit.taegis.model.SsoConnection;
import io.secopskit.taegis.model.SsoConnectionConfig;
import io.secopskit.taegis.model.SsoConnectionQuery;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The SSO connections of one tenant: every call sends {@code X-Tenant-Context: <tenant id>}. Obtain it from
 * {@link TaegisClient#sso(String)}. Thread-safe.
 *
 * <p>The documented flow: {@link #create} a SAML connection (status Draft) with its name, type {@code saml} and
 * e-mail domains; complete its configuration with {@link #update} — by the identity provider's <b>metadata URL</b>
 * ({@link SamlConfiguration#metadataUrl(String)}), the documented default — which moves it to Testing; then set
 * it Enabled. Configuring by {@code signingCert} with {@code signInEndpoint} (and {@code signingCertName}) is still
 * accepted because the vendor document shows it, but it is deprecated: the vendor's own client marks those three
 * fields "No longer supported". Creates, updates and deletes are mutations, sent at most once; get, list and
 * getConfig are queries, retried on transient failures.
 */
public final class SsoClient {
    private static final Map<String, String> CREATE_ARGS = Documents.types("newConnection", "NewSSOConnectionInput!");
    private static final Map<String, String> UPDATE_ARGS = Documents.types("updatedConnection", "UpdateSSOConnectionInput!");
    private static final Map<String, String> DELETE_ARGS = Documents.types("connectionID", "ID!");
    private static final Map<String, String> GET_ARGS = Documents.types("id", "ID!");
    private static final Map<String, String> LIST_ARGS = Documents.types("connectionQuery", "TenantSSOConnectionQueryInput!");
    private static final Map<String, String> CONFIG_ARGS = Documents.types("metadataURL", "String", "metadataXML", "String",
            "cert", "String");

    private final GraphQLTransport transport;
    private final String tenantId;

    SsoClient(GraphQLTransport transport, String tenantId) {
        this.transport = transport;
        this.tenantId = tenantId;
    }

    /**
     * Returns the tenant id sent as {@code X-Tenant-Context}.
     *
     * @return the tenant id
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Creates a connection in status Draft: {@code createSSOConnection(newConnection:)}. The document requires
     * {@code name}, {@code type} ({@code saml}, the only supported type) and {@code domains}; {@code testers} are
     * optional.
     *
     * @param request name, type {@code saml}, domains, testers and optionally the SAML configuration
     * @return the connection
     * @throws ValidationException    before sending, when name, type or domains are missing, the type is not saml,
     *                                or a configuration is incomplete
     * @throws TaegisGraphQLException when the API refuses it
     */
    public SsoConnection create(SsoConnectionRequest request) {
        Objects.requireNonNull(request, "request");
        String op = "createSSOConnection";
        TaegisIds.text(op, "newConnection.name", request.name());
        if (!SsoConnectionType.SAML.equals(request.type())) {
            throw new ValidationException(TaegisClient.VENDOR, op, "newConnection.type",
                    "is required and must be saml, the only supported type (was " + request.type() + ")");
        }
        if (request.domains() == null || request.domains().isEmpty()
                || request.domains().stream().anyMatch(String::isBlank)) {
            throw new ValidationException(TaegisClient.VENDOR, op, "newConnection.domains",
                    "is required: one or more non-blank e-mail domains that sign in through this connection");
        }
        if (request.samlConfiguration() != null) {
            checkSaml(op, request.samlConfiguration());
        }
        CreateSSOConnectionMutationRequest r = new CreateSSOConnectionMutationRequest();
        r.setNewConnection(NewSsoConnectionInput.of(request));
        return transport.run(r, CREATE_ARGS, Projections.ssoConnection(transport.fields()), transport.fields(), tenantId,
                SsoConnection.class, NullResult.MISSING);
    }

    /**
     * Changes a connection: {@code updateSSOConnection(updatedConnection: {id, ...})} — status, name, testers,
     * domains, SAML configuration.
     *
     * <ul>
     *   <li>Configuration: {@link SamlConfiguration#metadataUrl(String)} (the documented default; the service then
     *       ignores a signing certificate) or {@link SamlConfiguration#metadataXml(String)}. Without either, both
     *       {@code signInEndpoint} and {@code signingCert} are required — the deprecated path the document shows.
     *       A completed configuration moves the connection to Testing.</li>
     *   <li>Status: only Enabled, Disabled or Testing may be set; Draft is where a connection starts.</li>
     * </ul>
     *
     * @param connectionId the connection
     * @param update       the changes (at least one)
     * @return the connection, with {@code certName} when a certificate name was given
     * @throws ValidationException    before sending, for a bad id, an empty update, a status of Draft, or an
     *                                incomplete configuration
     * @throws TaegisGraphQLException when the API refuses it
     */
    public SsoConnection update(String connectionId, SsoConnectionUpdate update) {
        Objects.requireNonNull(update, "update");
        String op = "updateSSOConnection";
        TaegisIds.id(op, "updatedConnection.id", connectionId);
        if (update.isEmpty()) {
            throw new ValidationException(TaegisClient.VENDOR, op, "updatedConnection", "must change at least one field");
        }
        if (SsoConnectionStatus.DRAFT.equals(update.status())) {
            throw new ValidationException(TaegisClient.VENDOR, op, "updatedConnection.status",
                    "must be Enabled, Disabled or Testing; Draft cannot be set");
        }
        TaegisIds.optionalText(op, "updatedConnection.name", update.name());
        if (update.samlConfiguration() != null) {
            checkSaml(op, update.samlConfiguration());
        }
        UpdateSSOConnectionMutationRequest r = new UpdateSSOConnectionMutationRequest();
        r.setUpdatedConnection(UpdateSsoConnectionInput.of(connectionId, update));
        return transport.run(r, UPDATE_ARGS, Projections.ssoConnection(transport.fields()), transport.fields(), tenantId,
                SsoConnection.class, NullResult.MISSING);
    }

    @SuppressWarnings("deprecation")
    private static void checkSaml(String operation, SamlConfiguration saml) {
        if (present(saml.metadataUrl()) || present(saml.metadataXml())) {
            return;
        }
        if (!present(saml.signInEndpoint()) || !present(saml.signingCert())) {
            throw new ValidationException(TaegisClient.VENDOR, operation, "samlConfiguration.signInEndpoint",
                    "signInEndpoint and signingCert are both required when there is no metadataURL or metadataXML;"
                            + " the documented default is SamlConfiguration.metadataUrl(url)");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Deletes a connection: {@code deleteSSOConnection(connectionID:)}.
     *
     * @param connectionId the connection
     * @return the deleted connection
     * @throws ValidationException    before sending, when the id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public SsoConnection delete(String connectionId) {
        DeleteSSOConnectionMutationRequest r = new DeleteSSOConnectionMutationRequest();
        r.setConnectionID(TaegisIds.id("deleteSSOConnection", "connectionID", connectionId));
        return transport.run(r, DELETE_ARGS, Projections.ssoConnection(transport.fields()), transport.fields(), tenantId,
                SsoConnection.class, NullResult.MISSING);
    }

    /**
     * One connection, by its local or external id: {@code getSSOConnection(id:)}.
     *
     * @param connectionId the id
     * @return the connection
     * @throws ValidationException                    before sending, when the id breaks a rule
     * @throws io.secopskit.core.error.NotFoundException when there is none (a null result without errors)
     */
    public SsoConnection get(String connectionId) {
        GetSSOConnectionQueryRequest r = new GetSSOConnectionQueryRequest();
        r.setId(TaegisIds.id("getSSOConnection", "id", connectionId));
        return transport.run(r, GET_ARGS, Projections.ssoConnection(transport.fields()), transport.fields(), tenantId,
                SsoConnection.class, NullResult.NOT_FOUND);
    }

    /**
     * The tenant's connections: {@code SSOConnections(connectionQuery:)}. The API answers with one list, so the
     * iterable has one page (without a continuation token); it is fetched when iteration starts.
     *
     * @param query filters; {@link SsoConnectionQuery#all()} lists every connection
     * @return the connections
     * @throws ValidationException before sending, when an id filter breaks a rule
     */
    public PagedIterable<SsoConnection> list(SsoConnectionQuery query) {
        Objects.requireNonNull(query, "query");
        String op = "SSOConnections";
        if (query.withConnectionId() != null) {
            TaegisIds.id(op, "connectionQuery.withConnectionID", query.withConnectionId());
        }
        if (query.withTenantHierarchy() != null) {
            query.withTenantHierarchy().forEach(id -> TaegisIds.tenantId(op, "connectionQuery.withTenantHierarchy", id));
        }
        return Pager.single(TaegisClient.VENDOR + "." + op, () -> {
            SSOConnectionsQueryRequest r = new SSOConnectionsQueryRequest();
            r.setConnectionQuery(query);
            SsoConnection[] found = transport.run(r, LIST_ARGS, Projections.ssoConnection(transport.fields()),
                    transport.fields(), tenantId, SsoConnection[].class, NullResult.MISSING);
            return Arrays.stream(found).filter(Objects::nonNull).toList();
        });
    }

    /**
     * Every connection of the tenant ({@code list(SsoConnectionQuery.all())}).
     *
     * @return the connections
     */
    public PagedIterable<SsoConnection> list() {
        return list(SsoConnectionQuery.all());
    }

    /**
     * Reads an identity provider's configuration: {@code getSSOConnectionConfig(metadataURL: | metadataXML: |
     * cert:)} — the step the document suggests before completing a connection's configuration.
     *
     * @param source the metadata URL (the documented default), metadata XML or certificate
     * @return the configuration
     * @throws TaegisGraphQLException when the API refuses it
     */
    public SsoConnectionConfig getConfig(SsoConfigSource source) {
        Objects.requireNonNull(source, "source");
        GetSSOConnectionConfigQueryRequest r = new GetSSOConnectionConfigQueryRequest();
        r.setMetadataURL(source.metadataUrl());
        r.setMetadataXML(source.metadataXml());
        r.setCert(source.certificate());
        return transport.run(r, CONFIG_ARGS, Projections.ssoConfig(transport.fields()), transport.fields(), tenantId,
                SsoConnectionConfig.class, NullResult.MISSING);
    }

    /** Names the tenant. */
    @Override
    public String toString() {
        return "SsoClient{tenant=" + tenantId + "}";
    }
}
