package io.secopskit.config;

import io.secopskit.taegis.TaegisClient;

/** The read-only Taegis call of {@link ConfigCheck}: one page of one tenant. */
final class TaegisReads {
    private TaegisReads() {
    }

    static void read(TaegisClient client, String partnerTenantId) {
        io.secopskit.taegis.generated.TenantsQuery query = new io.secopskit.taegis.generated.TenantsQuery();
        query.setMaxResults(1);
        client.tenants().tenants(query);
    }
}
