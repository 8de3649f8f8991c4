package io.secopskit.taegis;

import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.generated.ConnectionConfiguration;
import io.secopskit.taegis.generated.CreateSSOConnectionMutationRequest;
import io.secopskit.taegis.generated.DeleteSSOConnectionMutationRequest;
import io.secopskit.taegis.generated.GetSSOConnectionConfigQueryRequest;
import io.secopskit.taegis.generated.GetSSOConnectionQueryRequest;
import io.secopskit.taegis.generated.NewSSOConnectionInput;
import io.secopskit.taegis.generated.SAMLSSOConfiguration;
import io.secopskit.taegis.generated.SSOConnection;
import io.secopskit.taegis.generated.SSOConnectionConfigResponse;
import io.secopskit.taegis.generated.SSOConnectionStatus;
import io.secopskit.taegis.generated.SSOConnectionType;
import io.secopskit.taegis.generated.SSOConnectionsQueryRequest;
import io.secopskit.taegis.generated.TenantSSOConnectionQueryInput;
import io.secopskit.taegis.generated.UpdateSSOConnectionInput;
import io.secopskit.taegis.generated.UpdateSSOConnectionMutationRequest;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.Projections;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * SSO connections of one tenant: every call sends {@code X-Tenant-Context: <tenant id>}. Obtain it from
 * {@link TaegisClient#sso(String)}. Thread-safe.
 *
 * <p>The documented flow: {@link #create} a SAML connection (status Draft) with its name, type
 * {@code saml} and e-mail domains; complete its configuration with {@link #update} — by the identity
 * provider's <b>metadata URL</b>, the documented default — which moves it to Testing; then set it Enabled.
 * Configuring by {@code signingCert} + {@code signInEndpoint} (with {@code signingCertName}) is still accepted
 * because the vendor document shows it, but it is deprecated: the vendor's own client marks those three
 * fields "No longer supported".
 */
public final class SsoClient {
    private final GraphQLTransport transport;
    private final String tenantId;

    SsoClient(GraphQLTransport transport, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new ValidationException(GraphQLTransport.VENDOR, "sso", "X-Tenant-Context",
                    "SSO operations need the tenant id they act on");
        }
        this.transport = transport;
        this.tenantId = tenantId;
    }

    /** Returns the tenant id sent as {@code X-Tenant-Context}. */
    public String tenantId() {
        return tenantId;
    }

    /**
     * {@code createSSOConnection(newConnection:)}: a new connection in status Draft. The document requires
     * {@code name}, {@code type} ({@code saml}, the only supported type) and {@code domains} (the e-mail
     * domains that sign in through it); {@code testers} are optional.
     *
     * @param input name, type {@code saml}, domains, testers and optionally a SAML configuration
     * @return the connection
     * @throws ValidationException before sending, when name, type or domains are missing or type is not saml
     */
    public SSOConnection create(NewSSOConnectionInput input) {
        Objects.requireNonNull(input, "input");
        String op = "createSSOConnection";
        if (input.getName() == null || input.getName().isBlank()) {
            throw new ValidationException(GraphQLTransport.VENDOR, op, "newConnection.name", "is required");
        }
        if (input.getType() != SSOConnectionType.saml) {
            throw new ValidationException(GraphQLTransport.VENDOR, op, "newConnection.type",
                    "is required and must be saml, the only supported type (was " + input.getType() + ")");
        }
        if (input.getDomains() == null || input.getDomains().isEmpty()
                || input.getDomains().stream().anyMatch(d -> d == null || d.isBlank())) {
            throw new ValidationException(GraphQLTransport.VENDOR, op, "newConnection.domains",
                    "is required: one or more non-blank e-mail domains that sign in through this connection");
        }
        checkSaml(op, input.getConnectionConfiguration());
        CreateSSOConnectionMutationRequest request = new CreateSSOConnectionMutationRequest();
        request.setNewConnection(input);
        return transport.run(request, Documents.types("newConnection", "NewSSOConnectionInput!"), Projections.ssoConnection(),
                tenantId, SSOConnection.class);
    }

    /**
     * {@code updateSSOConnection(updatedConnection:)}: status, name, testers, domains, SAML configuration.
     *
     * <ul>
     *   <li>Configuration: give {@code samlConfiguration.metadataURL} (the documented default; then
     *       {@code signingCert} is ignored by the service) or {@code metadataXML}. Without either, both
     *       {@code signInEndpoint} and {@code signingCert} are required — a path the document shows but the
     *       vendor's client marks "No longer supported" (deprecated). A completed configuration moves the
     *       connection to Testing.</li>
     *   <li>Status: only {@code Enabled}, {@code Disabled} or {@code Testing} may be set; {@code Draft} is
     *       where a connection starts, not a value to send.</li>
     * </ul>
     *
     * @param input the connection id and changes
     * @return the connection, with {@code certName} when a certificate name was given
     * @throws ValidationException before sending, for a missing id, a status of Draft, or an incomplete
     *                             configuration
     */
    public SSOConnection update(UpdateSSOConnectionInput input) {
        Objects.requireNonNull(input, "input");
        if (input.getId() == null || input.getId().isBlank()) {
            throw new ValidationException(GraphQLTransport.VENDOR, "updateSSOConnection", "updatedConnection.id", "is required");
        }
        if (input.getStatus() == SSOConnectionStatus.Draft) {
            throw new ValidationException(GraphQLTransport.VENDOR, "updateSSOConnection", "updatedConnection.status",
                    "must be Enabled, Disabled or Testing; Draft cannot be set");
        }
        checkSaml("updateSSOConnection", input.getConnectionConfiguration());
        UpdateSSOConnectionMutationRequest request = new UpdateSSOConnectionMutationRequest();
        request.setUpdatedConnection(input);
        return transport.run(request, Documents.types("updatedConnection", "UpdateSSOConnectionInput!"),
                Projections.ssoConnection(), tenantId, SSOConnection.class);
    }

    @SuppressWarnings("deprecation")
    private static void checkSaml(String operation, ConnectionConfiguration config) {
        SAMLSSOConfiguration saml = config == null ? null : config.getSamlConfiguration();
        if (saml == null || present(saml.getMetadataURL()) || present(saml.getMetadataXML())) {
            return;
        }
        if (!present(saml.getSignInEndpoint()) || !present(saml.getSigningCert())) {
            throw new ValidationException(GraphQLTransport.VENDOR, operation, "samlConfiguration.signInEndpoint",
                    "signInEndpoint and signingCert are both required when there is no metadataURL or metadataXML");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * {@code deleteSSOConnection(connectionID:)}.
     *
     * @param connectionId the connection
     * @return the deleted connection
     */
    public SSOConnection delete(String connectionId) {
        DeleteSSOConnectionMutationRequest request = new DeleteSSOConnectionMutationRequest();
        request.setConnectionID(required("deleteSSOConnection", "connectionID", connectionId));
        return transport.run(request, Documents.types("connectionID", "ID!"), Projections.ssoConnection(), tenantId,
                SSOConnection.class);
    }

    /**
     * {@code getSSOConnection(id:)}: by local or external id.
     *
     * @param connectionId the id
     * @return the connection
     * @throws io.secopskit.core.error.NotFoundException when there is none
     */
    public SSOConnection get(String connectionId) {
        GetSSOConnectionQueryRequest request = new GetSSOConnectionQueryRequest();
        request.setId(required("getSSOConnection", "id", connectionId));
        return transport.run(request, Documents.types("id", "ID!"), Projections.ssoConnection(), tenantId, SSOConnection.class);
    }

    /**
     * {@code SSOConnections(connectionQuery:)}: the tenant's connections.
     *
     * @param query filters (domain, status, ...); an empty input lists all
     * @return the connections
     */
    public List<SSOConnection> list(TenantSSOConnectionQueryInput query) {
        Objects.requireNonNull(query, "query");
        SSOConnectionsQueryRequest request = new SSOConnectionsQueryRequest();
        request.setConnectionQuery(query);
        SSOConnection[] found = transport.run(request, Documents.types("connectionQuery", "TenantSSOConnectionQueryInput!"),
                Projections.ssoConnection(), tenantId, SSOConnection[].class);
        return List.copyOf(Arrays.asList(found));
    }

    /**
     * {@code getSSOConnectionConfig(metadataURL: | metadataXML: | cert:)}: reads a SAML identity provider's
     * configuration. Exactly one source must be given.
     *
     * @param metadataURL the IdP metadata URL, or null
     * @param metadataXML the IdP metadata XML, or null
     * @param cert        the signing certificate (PEM), or null
     * @return the configuration
     */
    public SSOConnectionConfigResponse getConfig(String metadataURL, String metadataXML, String cert) {
        int given = (present(metadataURL) ? 1 : 0) + (present(metadataXML) ? 1 : 0) + (present(cert) ? 1 : 0);
        if (given != 1) {
            throw new ValidationException(GraphQLTransport.VENDOR, "getSSOConnectionConfig", "metadataURL",
                    "give exactly one of metadataURL, metadataXML or cert (got " + given + ")");
        }
        GetSSOConnectionConfigQueryRequest request = new GetSSOConnectionConfigQueryRequest();
        request.setMetadataURL(present(metadataURL) ? metadataURL : null);
        request.setMetadataXML(present(metadataXML) ? metadataXML : null);
        request.setCert(present(cert) ? cert : null);
        return transport.run(request, Documents.types("metadataURL", "String", "metadataXML", "String", "cert", "String"),
                Projections.ssoConfig(), tenantId, SSOConnectionConfigResponse.class);
    }

    private static String required(String operation, String field, String value) {
        if (!present(value)) {
            throw new ValidationException(GraphQLTransport.VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }
}
