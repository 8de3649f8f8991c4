package io.secopskit.taegis.internal;

import io.secopskit.taegis.generated.EnvironmentResponseProjection;
import io.secopskit.taegis.generated.SAMLConnectionParametersResponseProjection;
import io.secopskit.taegis.generated.SSOConnectionConfigResponseResponseProjection;
import io.secopskit.taegis.generated.SSOConnectionConfigurationResponseProjection;
import io.secopskit.taegis.generated.SSOConnectionParametersResponseProjection;
import io.secopskit.taegis.generated.SSOConnectionResponseProjection;
import io.secopskit.taegis.generated.ServiceResponseProjection;
import io.secopskit.taegis.generated.TenantLabelResponseProjection;
import io.secopskit.taegis.generated.TenantResponseProjection;
import io.secopskit.taegis.generated.TenantResultsResponseProjection;
import io.secopskit.taegis.generated.TenantServiceResponseProjection;

/** The selection sets the SDK asks for, built from the generated projections. Internal. */
public final class Projections {
    private Projections() {
    }

    /** Tenant label fields. */
    public static TenantLabelResponseProjection label() {
        return new TenantLabelResponseProjection().id().tenant_id().name().value().owner_partner_tenant_id();
    }

    /** Tenant fields, with labels, environments and services. */
    public static TenantResponseProjection tenant() {
        return new TenantResponseProjection().id().name().created_at().updated_at().enabled().description().domain()
                .expires_at().parent().partner().partner_name().is_partner().is_organization().support_enabled()
                .enabled_in_production().enabled_in_pilot().data_retention_months().allow_response_actions()
                .labels(label())
                .environments(new EnvironmentResponseProjection().id().tenant_id().name().enabled().created_at().updated_at())
                .granted_services(new TenantServiceResponseProjection().id().service_id().name().description()
                        .granted_at().revoked_at());
    }

    /** A page of tenants. */
    public static TenantResultsResponseProjection tenantResults() {
        return new TenantResultsResponseProjection().results(tenant()).cursorPos().count().hasMore().totalCount();
    }

    /** Service (subscription) fields. */
    public static ServiceResponseProjection service() {
        return new ServiceResponseProjection().id().name().description().owner_tenant_id().created_at().updated_at()
                .requires_present_ids().requires_absent_ids();
    }

    /** SSO connection fields, {@code certName} included (without the removed Azure AD configuration). */
    public static SSOConnectionResponseProjection ssoConnection() {
        return new SSOConnectionResponseProjection().id().name().externalName().externalID().tenantID().createdAt()
                .updatedAt().certName().expiresAt().notBefore().issuer().subject().domains().testers().noPromptLoginURL().type()
                .status().environment().externalProvider()
                .ssoConnectionParameters(new SSOConnectionParametersResponseProjection().postBackURL().entityID()
                        .metadataURL().callbackURL().inputMetadataURL())
                .ssoConnectionIDPConfig(new SSOConnectionConfigurationResponseProjection().samlConnectionConfiguration(
                        samlParameters()));
    }

    private static SAMLConnectionParametersResponseProjection samlParameters() {
        return new SAMLConnectionParametersResponseProjection().metadataURL().signingCert().signInEndpoint()
                .inputMetadataURL();
    }

    /** SSO connection configuration response fields. */
    public static SSOConnectionConfigResponseResponseProjection ssoConfig() {
        return new SSOConnectionConfigResponseResponseProjection().expiresAt().notBefore().issuer().subject()
                .ssoConnectionConfiguration(new SSOConnectionConfigurationResponseProjection()
                        .samlConnectionConfiguration(samlParameters()));
    }
}
