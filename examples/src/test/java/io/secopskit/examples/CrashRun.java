package io.secopskit.examples;

import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import java.nio.file.Path;

/**
 * Child-JVM program of the crash harness: onboards one customer (steps one after another) against a sandbox
 * running in the parent, and stops at a kill point where the parent kills it with SIGKILL.
 * Arguments: addresses file, database, credentials directory, customer code, display name, vendor, boundary.
 */
public final class CrashRun {
    private CrashRun() {
    }

    public static void main(String[] args) throws Exception {
        Vendors vendors = Vendors.sandbox(Harness.readAddresses(Path.of(args[0])), Harness.raisedQuota());
        String killVendor = args[5];
        Harness.Boundary boundary = Harness.Boundary.valueOf(args[6]);
        try (SqliteProvisioningStore sqlite = SqliteProvisioningStore.open(Path.of(args[1]))) {
            ProvisioningStore store = boundary == Harness.Boundary.AFTER_RECORD ? Harness.stopAfterRecord(sqlite, killVendor) : sqlite;
            Onboarding.Builder b = Onboarding.builder().store(store).credentialSink(CredentialSink.ownerOnlyFiles(Path.of(args[2])))
                    .parallelism(1);
            for (TenantProvisioner p : Onboard.provisioners(vendors)) {
                b.step(p.vendor().equals(killVendor) && boundary != Harness.Boundary.AFTER_RECORD ? Harness.killPoint(p, boundary) : p);
            }
            b.build().run(Onboard.demoCustomer(args[4], args[3]));
            System.out.println("FINISHED without reaching the kill point");
        }
    }
}
