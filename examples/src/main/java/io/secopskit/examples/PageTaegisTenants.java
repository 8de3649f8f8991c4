package io.secopskit.examples;

import io.secopskit.core.paging.Page;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantQuery;

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
            for (Page<Tenant> page : v.taegis.tenants().list(TenantQuery.builder().pageSize(100).build()).byPage()) {
                out.println("page " + page.index() + ": " + page.items().size() + " tenants, first "
                        + page.items().get(0).name() + ", total " + page.total().orElse(-1));
            }
        });
    }
}
