package io.secopskit.examples;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Customer;

/** Lists the partner's Google SecOps customers (creating two first when running in the sandbox). */
public final class ListChronicleCustomers {
    private ListChronicleCustomers() {
    }

    /**
     * Runs the example.
     *
     * @param args optional properties file (see {@link Vendors#configured})
     */
    public static void main(String[] args) {
        SandboxExample.main(args, (v, sandbox, out) -> {
            if (sandbox != null) {
                for (String code : new String[] {"globex", "initech"}) {
                    v.chronicle.customers().create(CreateCustomerRequest.builder().customerName(code.toUpperCase(java.util.Locale.ROOT))
                            .customerCode(code).build());
                }
            }
            for (Customer c : v.chronicle.customers().list()) {
                out.println(c.customerCode() + "\t" + c.customerName() + "\t" + c.retentionDuration());
            }
        });
    }
}
