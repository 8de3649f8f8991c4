package io.secopskit.examples;

import io.secopskit.stellar.model.Case;
import io.secopskit.stellar.model.CaseQuery;

/** Lists the ten highest-scoring Stellar Cyber cases of a tenant. */
public final class ListStellarCases {
    private ListStellarCases() {
    }

    /**
     * Runs the example.
     *
     * @param args optional properties file, then the tenant id
     */
    public static void main(String[] args) {
        SandboxExample.main(args.length > 0 ? new String[] {args[0]} : args, (v, sandbox, out) -> {
            String tenant = sandbox != null ? "817418af76d44358922636e34be9627c" : args[1];
            if (sandbox != null) {
                sandbox.stellar().seedCases(tenant, 25);
            }
            v.stellar.cases().list(CaseQuery.builder().tenantId(tenant).pageSize(10).sort("score").descending().build())
                    .stream().limit(10)
                    .forEach((Case c) -> out.println(c.score() + "\t" + c.severity() + "\t" + c.status() + "\t" + c.name()));
        });
    }
}
