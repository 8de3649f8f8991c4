package io.secopskit.core.provisioning;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A vendor in memory for offboarding tests: tenants with a customer-code tag, an "on" flag (suspendable vendors) and
 * the settings a restore must bring back ({@code envs}); every write is logged as {@code operation target}. Hooks run
 * before and after each write so tests can fail, block or "crash" there.
 */
final class FakeOffboarder implements TenantOffboarder {
    /** A tenant at this fake vendor. */
    static final class Tenant {
        volatile String tag;
        volatile boolean on = true;
        volatile String envs = "echo,charlie";
        volatile boolean support = true;

        Tenant(String tag) {
            this.tag = tag;
        }

        String snapshot() {
            return tag + "|" + on + "|" + envs + "|" + support;
        }
    }

    final String vendor;
    final boolean canSuspend;
    final boolean canRemove;
    final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    final List<String> writes = new CopyOnWriteArrayList<>();
    final List<String> reads = new CopyOnWriteArrayList<>();
    volatile Consumer<String> beforeWrite = w -> { };
    volatile Consumer<String> afterWrite = w -> { };
    /** Credential ids it issued and cannot revoke (Chronicle-like). */
    final List<String> credentialIds = new CopyOnWriteArrayList<>();

    FakeOffboarder(String vendor, boolean canSuspend, boolean canRemove) {
        this.vendor = vendor;
        this.canSuspend = canSuspend;
        this.canRemove = canRemove;
    }

    FakeOffboarder tenant(String id, String tag) {
        tenants.put(id, new Tenant(tag));
        return this;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public OffboardingCapabilities capabilities() {
        return new OffboardingCapabilities(canSuspend ? "switched off" : null, canSuspend ? vendor + ".switchOff" : null,
                canRemove ? "deleted" : null, canRemove ? vendor + ".delete" : null, null);
    }

    @Override
    public String host() {
        return vendor + ".example";
    }

    @Override
    public Optional<TenantState> inspect(String tenantId) {
        reads.add("inspect " + tenantId);
        Tenant t = tenants.get(tenantId);
        if (t == null) {
            return Optional.empty();
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("envs", t.envs);
        a.put("support", Boolean.toString(t.support));
        return Optional.of(new TenantState(vendor, tenantId, t.tag, canSuspend ? !t.on : null, a));
    }

    @Override
    public Map<String, String> undo(TenantState state) {
        return Map.of("envs", state.attribute("envs"), "support", state.attribute("support"));
    }

    private void write(String line, Runnable effect) {
        beforeWrite.accept(line);
        writes.add(line);
        effect.run();
        afterWrite.accept(line);
    }

    @Override
    public void suspend(TenantState state, VendorWrites w) {
        Tenant t = tenants.get(state.tenantId());
        if (t.on) {
            w.send(vendor + ".switchOff", state.tenantId(), () -> {
                write(vendor + ".switchOff " + state.tenantId(), () -> {
                    t.on = false;
                    t.envs = "";
                });
                return null;
            });
        }
        if (t.support) {
            w.send(vendor + ".supportOff", state.tenantId(), () -> {
                write(vendor + ".supportOff " + state.tenantId(), () -> t.support = false);
                return null;
            });
        }
    }

    @Override
    public void restore(TenantState state, Map<String, String> undo, VendorWrites w) {
        Tenant t = tenants.get(state.tenantId());
        w.send(vendor + ".switchOn", state.tenantId(), () -> {
            write(vendor + ".switchOn " + state.tenantId(), () -> {
                t.on = true;
                t.envs = undo.get("envs");
            });
            return null;
        });
        if (Boolean.parseBoolean(undo.get("support"))) {
            w.send(vendor + ".supportOn", state.tenantId(), () -> {
                write(vendor + ".supportOn " + state.tenantId(), () -> t.support = true);
                return null;
            });
        }
    }

    @Override
    public void remove(TenantState state, VendorWrites w) {
        w.sendDelete(vendor + ".delete", state.tenantId(), () -> write(vendor + ".delete " + state.tenantId(), () -> {
            if (tenants.remove(state.tenantId()) == null) {
                throw new NotFoundException(ErrorInfo.of(vendor, "delete").withVendorMessage("no such tenant"));
            }
        }));
    }

    @Override
    public List<ManualRevocation> manualRevocations(TenantState state) {
        return credentialIds.stream().map(id -> new ManualRevocation(vendor, state.tenantId(), "credential", id, "API_KEY",
                "revoke it in the vendor console")).toList();
    }
}
