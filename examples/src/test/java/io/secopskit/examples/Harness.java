package io.secopskit.examples;

import io.secopskit.chronicle.CustomersClient;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/** Shared pieces of the crash harness and the race measure: kill points, request counts, sandbox addresses. */
final class Harness {
    /** Where a child stops to be killed. */
    enum Boundary {
        /** Before the vendor create is sent. */
        BEFORE_CREATE,
        /** After the vendor created the tenant, before the sink and the store heard of it. */
        AFTER_CREATE,
        /** After the binding and journal entry were written. */
        AFTER_RECORD
    }

    private Harness() {
    }

    /** Client options with Chronicle's client-side quota raised above any run size. */
    static ClientOptions raisedQuota() {
        return ClientOptions.builder().rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 100_000)).build();
    }

    static void writeAddresses(SecOpsSandbox sandbox, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Vendors.SandboxAddresses.of(sandbox).toProperties().store(out, "sandbox addresses");
        }
    }

    static Vendors.SandboxAddresses readAddresses(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return Vendors.SandboxAddresses.fromProperties(p);
    }

    /** Prints {@code AT <vendor> <boundary>} and blocks forever: the parent kills the process here. */
    static void stopHere(String vendor, Boundary b) {
        System.out.println("AT " + vendor + " " + b);
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A provisioner that stops before or after its create; forwards every other method. */
    static TenantProvisioner killPoint(TenantProvisioner p, Boundary b) {
        return new TenantProvisioner() {
            @Override
            public String vendor() {
                return p.vendor();
            }

            @Override
            public Optional<ProvisionedTenant> find(TenantSpec spec) {
                return p.find(spec);
            }

            @Override
            public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
                return p.findBound(spec, tenantId);
            }

            @Override
            public ProvisionedTenant provision(TenantSpec spec) {
                if (b == Boundary.BEFORE_CREATE) {
                    stopHere(p.vendor(), b);
                }
                ProvisionedTenant t = p.provision(spec);
                if (b == Boundary.AFTER_CREATE) {
                    stopHere(p.vendor(), b);
                }
                return t;
            }

            @Override
            public void deprovision(ProvisionedTenant tenant) {
                p.deprovision(tenant);
            }

            @Override
            public boolean issuesCredentials() {
                return p.issuesCredentials();
            }

            @Override
            public PlannedAction plannedCreate(TenantSpec spec) {
                return p.plannedCreate(spec);
            }

            @Override
            public String tenantIdLabel() {
                return p.tenantIdLabel();
            }
        };
    }

    /** A store that stops right after a vendor's CREATED entry was recorded. */
    static ProvisioningStore stopAfterRecord(ProvisioningStore inner, String vendor) {
        return new ProvisioningStore() {
            @Override
            public LeaseStore leases() {
                return inner.leases();
            }

            @Override
            public JournalStore journal() {
                return inner.journal();
            }

            @Override
            public BindingStore bindings() {
                return inner.bindings();
            }

            @Override
            public DeferralStore deferrals() {
                return inner.deferrals();
            }

            @Override
            public String location() {
                return inner.location();
            }

            @Override
            public JournalEntry record(Binding binding, JournalEntry entry) {
                JournalEntry stored = inner.record(binding, entry);
                if (vendor.equals(entry.vendor()) && entry.event() == JournalEntry.Event.CREATED) {
                    stopHere(vendor, Boundary.AFTER_RECORD);
                }
                return stored;
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    /** How many create requests each fake received for a customer code. */
    static Map<String, Long> creates(SecOpsSandbox s, String code) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("chronicle", count(s.chronicle().requests("POST", "/v1/partner/customer/createcustomer"),
                "\"customer_code\":\"" + code + "\""));
        out.put("taegis", s.taegis().requests().stream().filter(r -> r.method().equals("POST") && r.body().contains("createTenant")
                && r.body().contains("\"" + code + "\"")).count());
        out.put("carbonblack", s.carbonBlack().requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/feeds")
                && r.body().contains("secopskit-" + code + "\"")).count());
        out.put("servicenow", s.serviceNow().requests().stream().filter(r -> r.method().equals("POST") && r.path().contains("ci_enrichment")
                && r.body().contains("\"u_customer_code\":\"" + code + "\"")).count());
        out.put("stellar", count(s.stellar().requests("POST", "/connect/api/v1/tenants/"), "customer_code=" + code + "\""));
        return out;
    }

    private static long count(java.util.List<FakeRequest> requests, String needle) {
        return requests.stream().filter(r -> r.body().contains(needle)).count();
    }

    /** Onboarding records written for a customer at the ServiceNow fake, for completeness checks. */
    static long serviceNowRows(SecOpsSandbox s, String code) {
        return s.serviceNow().records(CiEnrichmentResult.TABLE).stream().filter(r -> r.path("u_customer_code").asText().equals(code))
                .count();
    }
}
