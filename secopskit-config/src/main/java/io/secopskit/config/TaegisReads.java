package io.secopskit.config;

import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.model.TenantQuery;

/** The read-only Taegis call of {@link ConfigCheck}: the partner tenant, or the first page of one tenant. */
final class TaegisReads {
    private TaegisReads() {
    }

    static void read(TaegisClient client, String partnerTenantId) {
        if (partnerTenantId != null) {
            client.tenants().get(partnerTenantId);
        } else {
            client.tenants().list(TenantQuery.builder().pageSize(1).build()).byPage().iterator().next();
        }
    }
}
