package io.secopskit.examples;

import io.secopskit.core.paging.Page;
import io.secopskit.taegis.TenantsClient;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantsQuery;

/** Pages through Taegis tenants by cursor, 100 at a time (seeding 250 in the sandbox). */
public final class PageTaegisTenants {
    private PageTaegisTenants() {
    }

    /**
     * Runs the example.
     *
     * @param args optional properties file
     */
    public static void main(String[] args) {
        SandboxExample.main(args, (v, sandbox, out) -> {
            if (sandbox != null) {
                sandbox.taegis().seedTenants(250);
            }
            for (Page<Tenant> page : v.taegis.tenants().list(TenantsQuery.builder().setMaxResults(100).build(),
                    TenantsClient.PagingMode.CURSOR).byPage()) {
                out.println("page " + page.index() + ": " + page.items().size() + " tenants, first "
                        + page.items().get(0).getName() + ", total " + page.total().orElse(-1));
            }
        });
    }
}
