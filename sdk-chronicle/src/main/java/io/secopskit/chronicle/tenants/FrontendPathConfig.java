package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.secopskit.core.Beta;

/**
 * One frontend path of a tenant and the workforce pool provider its users sign in through (the
 * tenant service's {@code FrontendPathConfig}). Requests check both values before sending
 * ({@link CreateTenantRequest.Builder#frontendPath}, {@link TenantUpdate.Builder#workforcePoolProviderId});
 * answers are taken as they come.
 *
 * @param frontendPath            the frontend path, for example {@code acme} (the rule the SDK applies,
 *                                a DNS label, is a guess: the documents give none)
 * @param workforcePoolProviderId {@code locations/<location>/workforcePools/<pool>/providers/<provider>},
 *                                or null (for example with {@link AuthMethod#CLOUD_IDENTITY})
 */
@Beta
@JsonPropertyOrder({"frontendPath", "workforcePoolProviderId"})
public record FrontendPathConfig(
        @JsonProperty("frontendPath") String frontendPath,
        @JsonProperty("workforcePoolProviderId") String workforcePoolProviderId) {

    /**
     * A frontend path without a workforce pool provider.
     *
     * @param frontendPath the path
     * @return the config
     */
    public static FrontendPathConfig of(String frontendPath) {
        return new FrontendPathConfig(frontendPath, null);
    }

    /**
     * A frontend path with its workforce pool provider.
     *
     * @param frontendPath            the path
     * @param workforcePoolProviderId the provider id
     * @return the config
     */
    public static FrontendPathConfig of(String frontendPath, String workforcePoolProviderId) {
        return new FrontendPathConfig(frontendPath, workforcePoolProviderId);
    }
}
