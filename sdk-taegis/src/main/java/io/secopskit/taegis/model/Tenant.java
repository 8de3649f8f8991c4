package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A Taegis XDR tenant (schema type {@code Tenant}), as the tenants query and the tenant mutations return it.
 * Which components are filled depends on the field set the call selected ({@code io.secopskit.taegis.TenantFields}):
 * (D) marks the fields {@code DOCUMENTED} selects — those the vendor document's own queries select — and (A)
 * those {@code ALL} selects — the fields the vendor's public client (taegis-sdk-python 1.6.21) selects, every
 * field of the type the vendor has not deprecated. A component whose field was not selected, or that the
 * server sent as null, is null; lists are unmodifiable, with null items dropped. Times are
 * {@link Instant}s read from the API's RFC 3339 text.
 *
 * @param id                      the tenant id, an integer as text such as {@code 12345} (D, A) ({@code id})
 * @param name                    its name (D, A) ({@code name})
 * @param createdAt               when it was created (D, A) ({@code created_at})
 * @param updatedAt               when it last changed (D, A) ({@code updated_at})
 * @param enabled                 whether it is enabled, which it is exactly when one of its environments is (D, A) ({@code enabled})
 * @param nameNormalized          its name as the API normalises it for search (D, A) ({@code name_normalized})
 * @param domain                  its domain (D, A) ({@code domain})
 * @param domainNormalized        its domain, normalised (D, A) ({@code domain_normalized})
 * @param description             its description (D, A) ({@code description})
 * @param allowResponseActions    whether response actions are allowed (D, A) ({@code allow_response_actions})
 * @param actionsApprover         who approves response actions (D, A) ({@code actions_approver})
 * @param expiresAt               when it expires, or null; the document: a tenant with an expiry is disabled automatically after 60 days (D, A) ({@code expires_at})
 * @param parent                  the parent (partner) tenant id (A) ({@code parent})
 * @param partner                 the partner tenant id (A) ({@code partner})
 * @param organization            the organization tenant id (A) ({@code organization})
 * @param partnerName             the partner's name (A) ({@code partner_name})
 * @param organizationName        the organization's name (A) ({@code organization_name})
 * @param isPartner               whether it is a partner tenant (A) ({@code is_partner})
 * @param isOrganization          whether it is an organization tenant (A) ({@code is_organization})
 * @param supportEnabled          whether Secureworks support may access it (D, A) ({@code support_enabled})
 * @param enabledInProduction     whether it is enabled in a production environment (D, A) ({@code enabled_in_production})
 * @param enabledInPilot          whether it is enabled in a pilot environment (D, A) ({@code enabled_in_pilot})
 * @param postDisablementComplete whether the work after a disablement is done (A) ({@code post_disablement_complete})
 * @param dataRetentionMonths     how many months its data is kept (A) ({@code data_retention_months})
 * @param mdrProviderId           its MDR provider's id (A) ({@code mdr_provider_id})
 * @param labels                  its labels the caller may see (D, A) ({@code labels})
 * @param environments            the environments and whether it is enabled in each (D, A) ({@code environments})
 * @param services                <b>deprecated</b> by the vendor ("use all services"): its services in the shape of {@code Service} (D only); use {@link #allServices()} ({@code services})
 * @param grantedServices         the services granted to it — assigned subscriptions (A) ({@code granted_services})
 * @param requestedServices       the services requested for it (A) ({@code requested_services})
 * @param allServices             granted and requested services together, the replacement of {@code services} (A) ({@code all_services})
 * @param partnership             <b>deprecated</b> by the vendor ("No longer supported"): hierarchy and subscriptions as the document shows them (D only); use {@link #parent()}, {@link #isPartner()} and {@link #grantedServices()} ({@code partnership})
 * @param licenseLevel            its license level (A) ({@code licenseLevel})
 * @param mdrProviderType         who provides MDR (A) ({@code mdr_provider_type})
 */
public record Tenant(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("name_normalized") String nameNormalized,
        @JsonProperty("domain") String domain,
        @JsonProperty("domain_normalized") String domainNormalized,
        @JsonProperty("description") String description,
        @JsonProperty("allow_response_actions") Boolean allowResponseActions,
        @JsonProperty("actions_approver") String actionsApprover,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("parent") String parent,
        @JsonProperty("partner") String partner,
        @JsonProperty("organization") String organization,
        @JsonProperty("partner_name") String partnerName,
        @JsonProperty("organization_name") String organizationName,
        @JsonProperty("is_partner") Boolean isPartner,
        @JsonProperty("is_organization") Boolean isOrganization,
        @JsonProperty("support_enabled") Boolean supportEnabled,
        @JsonProperty("enabled_in_production") Boolean enabledInProduction,
        @JsonProperty("enabled_in_pilot") Boolean enabledInPilot,
        @JsonProperty("post_disablement_complete") Boolean postDisablementComplete,
        @JsonProperty("data_retention_months") Integer dataRetentionMonths,
        @JsonProperty("mdr_provider_id") String mdrProviderId,
        @JsonProperty("labels") List<TenantLabel> labels,
        @JsonProperty("environments") List<Environment> environments,
        @JsonProperty("services") List<Service> services,
        @JsonProperty("granted_services") List<TenantService> grantedServices,
        @JsonProperty("requested_services") List<TenantService> requestedServices,
        @JsonProperty("all_services") List<TenantService> allServices,
        @JsonProperty("partnership") Partnership partnership,
        @JsonProperty("licenseLevel") LicenseLevel licenseLevel,
        @JsonProperty("mdr_provider_type") MdrProviderType mdrProviderType) {

    /**
     * Copies the lists (null stays null; null items are dropped).
     *
     * @param id                      the tenant id, an integer as text such as {@code 12345} (D, A)
     * @param name                    its name (D, A)
     * @param createdAt               when it was created (D, A)
     * @param updatedAt               when it last changed (D, A)
     * @param enabled                 whether it is enabled, which it is exactly when one of its environments is (D, A)
     * @param nameNormalized          its name as the API normalises it for search (D, A)
     * @param domain                  its domain (D, A)
     * @param domainNormalized        its domain, normalised (D, A)
     * @param description             its description (D, A)
     * @param allowResponseActions    whether response actions are allowed (D, A)
     * @param actionsApprover         who approves response actions (D, A)
     * @param expiresAt               when it expires, or null; the document: a tenant with an expiry is disabled automatically after 60 days (D, A)
     * @param parent                  the parent (partner) tenant id (A)
     * @param partner                 the partner tenant id (A)
     * @param organization            the organization tenant id (A)
     * @param partnerName             the partner's name (A)
     * @param organizationName        the organization's name (A)
     * @param isPartner               whether it is a partner tenant (A)
     * @param isOrganization          whether it is an organization tenant (A)
     * @param supportEnabled          whether Secureworks support may access it (D, A)
     * @param enabledInProduction     whether it is enabled in a production environment (D, A)
     * @param enabledInPilot          whether it is enabled in a pilot environment (D, A)
     * @param postDisablementComplete whether the work after a disablement is done (A)
     * @param dataRetentionMonths     how many months its data is kept (A)
     * @param mdrProviderId           its MDR provider's id (A)
     * @param labels                  its labels the caller may see (D, A)
     * @param environments            the environments and whether it is enabled in each (D, A)
     * @param services                <b>deprecated</b> by the vendor ("use all services"): its services in the shape of {@code Service} (D only); use {@link #allServices()}
     * @param grantedServices         the services granted to it — assigned subscriptions (A)
     * @param requestedServices       the services requested for it (A)
     * @param allServices             granted and requested services together, the replacement of {@code services} (A)
     * @param partnership             <b>deprecated</b> by the vendor ("No longer supported"): hierarchy and subscriptions as the document shows them (D only); use {@link #parent()}, {@link #isPartner()} and {@link #grantedServices()}
     * @param licenseLevel            its license level (A)
     * @param mdrProviderType         who provides MDR (A)
     */
    public Tenant {
        labels = Copies.answer(labels);
        environments = Copies.answer(environments);
        services = Copies.answer(services);
        grantedServices = Copies.answer(grantedServices);
        requestedServices = Copies.answer(requestedServices);
        allServices = Copies.answer(allServices);
    }

    /**
     * Returns the tenant's services in the shape of {@code Service} ({@code services}); selected by
     * {@link io.secopskit.taegis.TenantFields#DOCUMENTED} only.
     *
     * @return the services, or null when not selected
     * @deprecated the vendor deprecates {@code Tenant.services} ("use all services"): use {@link #allServices()}
     *             (selected by {@code TenantFields.ALL})
     */
    @Deprecated
    public List<Service> services() {
        return services;
    }

    /**
     * Returns the tenant's hierarchy and subscriptions as the document shows them ({@code partnership}); selected by
     * {@link io.secopskit.taegis.TenantFields#DOCUMENTED} only.
     *
     * @return the partnership, or null when not selected
     * @deprecated the vendor marks {@code Tenant.partnership} "No longer supported": use {@link #parent()},
     *             {@link #isPartner()} and {@link #grantedServices()}
     */
    @Deprecated
    public Partnership partnership() {
        return partnership;
    }
}
