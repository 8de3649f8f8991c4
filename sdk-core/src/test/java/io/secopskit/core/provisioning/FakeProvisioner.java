package io.secopskit.core.provisioning;

import io.secopskit.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A thread-safe vendor in memory for onboarding tests: tenants carry a customer-code tag (which tests can
 * change to simulate drift); hooks run before and after the create so tests can block, fail or crash there.
 */
final class FakeProvisioner implements TenantProvisioner {
    final String vendor;
    final boolean issuesCredentials;
    final Map<String, String> tagById = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger creates = new AtomicInteger();
    final Map<String, TenantSpec> specs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    volatile Consumer<TenantSpec> beforeCreate = s -> { };
    volatile Consumer<TenantSpec> afterCreate = s -> { };
    volatile Consumer<TenantSpec> onFind = s -> { };
    /** Whether find and findBound give the credentials back (as Chronicle's GetCustomer and ListCustomers do). */
    volatile boolean readBack;

    FakeProvisioner(String vendor, boolean issuesCredentials) {
        this.vendor = vendor;
        this.issuesCredentials = issuesCredentials;
    }

    static String secretOf(String vendor, String tenantId) {
        return "SECRET-" + vendor + "-" + tenantId;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        calls.add("find");
        onFind.accept(spec);
        return tagById.entrySet().stream().filter(e -> e.getValue().equals(spec.customerCode())).map(Map.Entry::getKey).sorted()
                .findFirst().map(this::found);
    }

    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        calls.add("findBound");
        return tagById.containsKey(tenantId) ? Optional.of(found(tenantId)) : Optional.empty();
    }

    private ProvisionedTenant found(String id) {
        String tag = tagById.get(id);
        return new ProvisionedTenant(vendor, id, ProvisionedTenant.Status.FOUND,
                tag.isEmpty() ? Map.of() : Map.of(ProvisionedTenant.CUSTOMER_CODE, tag),
                readBack ? Map.of("api_key", Secret.of(secretOf(vendor, id))) : Map.of());
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        calls.add("provision");
        beforeCreate.accept(spec);
        String id = vendor + "-" + ids.incrementAndGet();
        tagById.put(id, spec.customerCode());
        specs.put(spec.customerCode(), spec);
        creates.incrementAndGet();
        afterCreate.accept(spec);
        return new ProvisionedTenant(vendor, id, ProvisionedTenant.Status.CREATED, Map.of(ProvisionedTenant.CUSTOMER_CODE,
                spec.customerCode()), issuesCredentials ? Map.of("api_key", Secret.of(secretOf(vendor, id))) : Map.of());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        tagById.remove(tenant.tenantId());
    }

    @Override
    public boolean issuesCredentials() {
        return issuesCredentials;
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor, vendor + ".Create", vendor + ".example", vendor.equals("chronicle"),
                vendor.equals("chronicle") ? "cannot be deleted" : null);
    }

    /** Returns the tenants tagged with a customer code. */
    List<String> tenantsOf(String code) {
        List<String> out = new ArrayList<>();
        tagById.forEach((id, tag) -> {
            if (tag.equals(code)) {
                out.add(id);
            }
        });
        return out;
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }
}
