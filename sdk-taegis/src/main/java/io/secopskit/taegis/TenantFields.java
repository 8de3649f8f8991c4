package io.secopskit.taegis;

/**
 * The named field sets SecOpsKit selects in Tenants API answers — for tenants, and likewise for labels,
 * environments, services, SSO connections and SSO configurations. Choose one for a client
 * ({@code TaegisClient.builder().fields(...)}, default {@link #ALL}) or for one list
 * ({@code TenantQuery.builder().fields(...)}). Fields a set does not select read as null. Each field and where
 * it comes from is listed in {@code docs/wire/taegis.md}.
 */
public enum TenantFields {
    /**
     * Only the fields the vendor document's own queries select: for a tenant {@code id created_at updated_at
     * enabled name name_normalized domain domain_normalized description allow_response_actions actions_approver
     * labels environments services expires_at partnership support_enabled enabled_in_production enabled_in_pilot}
     * (with {@code services} and {@code partnership}, which the vendor has since deprecated); for an SSO
     * connection the fields of the document's SSO examples (without {@code azureADConnectionConfiguration},
     * which the schema no longer has). The choice when a server refuses a field of {@link #ALL}.
     */
    DOCUMENTED,
    /**
     * The fields the vendor's public client, taegis-sdk-python 1.6.21, selects: every field of each type that
     * the vendor has not deprecated, nested types included — for a tenant also {@code parent partner
     * organization partner_name organization_name is_partner is_organization post_disablement_complete
     * data_retention_months mdr_provider_id granted_services requested_services all_services licenseLevel
     * mdr_provider_type}, and not the deprecated {@code services} and {@code partnership}. The default.
     */
    ALL
}
