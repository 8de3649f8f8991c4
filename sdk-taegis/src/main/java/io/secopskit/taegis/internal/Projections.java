package io.secopskit.taegis.internal;

import io.secopskit.taegis.TenantFields;
import io.secopskit.taegis.internal.generated.EnvironmentResponseProjection;
import io.secopskit.taegis.internal.generated.PartnerSubscriptionResponseProjection;
import io.secopskit.taegis.internal.generated.PartnershipResponseProjection;
import io.secopskit.taegis.internal.generated.SAMLConnectionParametersResponseProjection;
import io.secopskit.taegis.internal.generated.SSOConnectionConfigResponseResponseProjection;
import io.secopskit.taegis.internal.generated.SSOConnectionConfigurationResponseProjection;
import io.secopskit.taegis.internal.generated.SSOConnectionParametersResponseProjection;
import io.secopskit.taegis.internal.generated.SSOConnectionResponseProjection;
import io.secopskit.taegis.internal.generated.ServiceResponseProjection;
import io.secopskit.taegis.internal.generated.TenantLabelResponseProjection;
import io.secopskit.taegis.internal.generated.TenantResponseProjection;
import io.secopskit.taegis.internal.generated.TenantResultsResponseProjection;
import io.secopskit.taegis.internal.generated.TenantServiceResponseProjection;

/**
 * The selection sets of each {@link TenantFields} field set, built from the generated projections.
 * {@code DOCUMENTED}: the selections of the vendor document's own queries (its tenants query at L103-109,
 * its SSO examples at L333-339 and L357-427 without the removed {@code azureADConnectionConfiguration}, its
 * {@code getSSOConnectionConfig} example at L357-363). {@code ALL}: what taegis-sdk-python 1.6.21 selects —
 * {@code build_output_string} over its dataclasses with {@code exclude_deprecated_output=True}: every field of
 * the type except the deprecated ones, recursively. Internal.
 */
public final class Projections {
    private Projections() {
    }

    /**
     * Tenant label fields (the same in both sets: the document selects all five).
     *
     * @param fields the field set
     * @return the projection
     */
    public static TenantLabelResponseProjection label(TenantFields fields) {
        return new TenantLabelResponseProjection().id().tenant_id().name().value().owner_partner_tenant_id();
    }

    private static EnvironmentResponseProjection environment() {
        return new EnvironmentResponseProjection().id().created_at().updated_at().tenant_id().name().enabled();
    }

    private static TenantServiceResponseProjection tenantService() {
        return new TenantServiceResponseProjection().id().service_id().name().description().service_owner_id()
                .owned_by_partner().created_at().updated_at().requested_at().granted_at().revoked_at().requested_by();
    }

    /**
     * Tenant fields.
     *
     * @param fields the field set
     * @return the projection
     */
    @SuppressWarnings("deprecation") // DOCUMENTED selects the deprecated services and partnership, as the document does
    public static TenantResponseProjection tenant(TenantFields fields) {
        if (fields == TenantFields.DOCUMENTED) {
            return new TenantResponseProjection().id().created_at().updated_at().enabled().name().name_normalized()
                    .domain().domain_normalized().description().allow_response_actions().actions_approver()
                    .labels(label(fields)).environments(environment())
                    .services(new ServiceResponseProjection().id().created_at().updated_at().name().description()
                            .owner_tenant_id())
                    .expires_at()
                    .partnership(new PartnershipResponseProjection().parent().is_partner()
                            .subscriptions(new PartnerSubscriptionResponseProjection().id().service_id().name()
                                    .description().created_at().updated_at())
                            .child_tenants())
                    .support_enabled().enabled_in_production().enabled_in_pilot();
        }
        return new TenantResponseProjection().id().created_at().updated_at().enabled().name().name_normalized()
                .domain().domain_normalized().description().allow_response_actions().actions_approver().expires_at()
                .parent().partner().organization().partner_name().organization_name().is_partner().is_organization()
                .support_enabled().enabled_in_production().enabled_in_pilot().post_disablement_complete()
                .data_retention_months().mdr_provider_id().labels(label(fields)).environments(environment())
                .granted_services(tenantService()).requested_services(tenantService()).all_services(tenantService())
                .licenseLevel().mdr_provider_type();
    }

    /**
     * A page of tenants: the results and the paging fields of the document.
     *
     * @param fields the field set
     * @return the projection
     */
    public static TenantResultsResponseProjection tenantResults(TenantFields fields) {
        return new TenantResultsResponseProjection().results(tenant(fields)).cursorPos().count().hasMore().totalCount();
    }

    /**
     * Service (subscription) fields: the document shows six (in {@code Tenant.services}); the vendor client adds
     * the two requirement lists.
     *
     * @param fields the field set
     * @return the projection
     */
    public static ServiceResponseProjection service(TenantFields fields) {
        ServiceResponseProjection p = new ServiceResponseProjection().id().created_at().updated_at().name().description()
                .owner_tenant_id();
        return fields == TenantFields.DOCUMENTED ? p : p.requires_present_ids().requires_absent_ids();
    }

    /**
     * SSO connection fields.
     *
     * @param fields the field set
     * @return the projection
     */
    public static SSOConnectionResponseProjection ssoConnection(TenantFields fields) {
        if (fields == TenantFields.DOCUMENTED) {
            return new SSOConnectionResponseProjection().id().name().type().status().externalName().environment()
                    .externalID().tenantID().updatedAt().createdAt().certName().expiresAt().notBefore().issuer().subject()
                    .domains().testers()
                    .ssoConnectionParameters(new SSOConnectionParametersResponseProjection().postBackURL().entityID()
                            .metadataURL().callbackURL())
                    .ssoConnectionIDPConfig(new SSOConnectionConfigurationResponseProjection()
                            .samlConnectionConfiguration(new SAMLConnectionParametersResponseProjection().signingCert()
                                    .signInEndpoint()));
        }
        return new SSOConnectionResponseProjection().id().name().externalName().externalID().tenantID().updatedAt()
                .createdAt().metadataFileName().certName().expiresAt().notBefore().issuer().subject().domains().testers()
                .noPromptLoginURL().type().status().environment().externalProvider()
                .ssoConnectionParameters(new SSOConnectionParametersResponseProjection().postBackURL().entityID()
                        .metadataURL().callbackURL().inputMetadataURL())
                .ssoConnectionIDPConfig(new SSOConnectionConfigurationResponseProjection()
                        .samlConnectionConfiguration(samlAll()));
    }

    private static SAMLConnectionParametersResponseProjection samlAll() {
        return new SAMLConnectionParametersResponseProjection().metadataURL().signingCert().signInEndpoint()
                .inputMetadataURL();
    }

    /**
     * SSO configuration fields ({@code getSSOConnectionConfig}).
     *
     * @param fields the field set
     * @return the projection
     */
    public static SSOConnectionConfigResponseResponseProjection ssoConfig(TenantFields fields) {
        if (fields == TenantFields.DOCUMENTED) {
            return new SSOConnectionConfigResponseResponseProjection()
                    .ssoConnectionConfiguration(new SSOConnectionConfigurationResponseProjection()
                            .samlConnectionConfiguration(new SAMLConnectionParametersResponseProjection().signingCert()
                                    .signInEndpoint()))
                    .expiresAt().notBefore().issuer().subject();
        }
        return new SSOConnectionConfigResponseResponseProjection().expiresAt().notBefore().issuer().subject()
                .ssoConnectionConfiguration(new SSOConnectionConfigurationResponseProjection()
                        .samlConnectionConfiguration(samlAll()));
    }
}
