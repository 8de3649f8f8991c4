package io.secopskit.store.sqlite;

import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Child-JVM program: starts onboarding a customer with the SQLite store and hangs inside the vendor step, holding
 * the customer's lease, until killed. Prints {@code HOLDING} once the lease is held. Arguments: database file,
 * customer code.
 */
public final class HoldCustomerAndHang {
    private HoldCustomerAndHang() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TenantProvisioner hang = new TenantProvisioner() {
            @Override
            public String vendor() {
                return "hang";
            }

            @Override
            public Optional<ProvisionedTenant> find(TenantSpec spec) {
                System.out.println("HOLDING");
                System.out.flush();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }

            @Override
            public ProvisionedTenant provision(TenantSpec spec) {
                throw new IllegalStateException("never reached");
            }

            @Override
            public void deprovision(ProvisionedTenant tenant) {
            }
        };
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(Path.of(args[0]))) {
            Onboarding.builder().step(hang).store(store).build()
                    .run(TenantSpec.builder().displayName("Killed Corp").customerCode(args[1]).build());
        }
    }
}
