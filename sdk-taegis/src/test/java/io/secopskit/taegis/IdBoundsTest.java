package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SubscriptionUpdate;
import io.secopskit.taegis.model.TenantLabelRequest;
import io.secopskit.taegis.model.TenantQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 12 §6 for Taegis: ids and the {@code X-Tenant-Context} header have sane bounds, checked by sdk-core's
 * validator plus the module's own limits before anything — a token request included — is sent. A refused value is
 * quoted at most 64 characters, control characters escaped.
 */
class IdBoundsTest extends TaegisTestBase {
    private static final List<String> BAD_TENANT_IDS = List.of("", ".", "..", "12 34", " 1234", "1234\r\nX-Evil: 1",
            "12\u0000", "1".repeat(65), "１２３\u2028");
    private static final List<String> BAD_OTHER_IDS = List.of("", ".", "..", " lbl", "lbl ", "lbl\r\nX: y", "x".repeat(257));

    private void refused(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n") || e.getMessage().contains("\u0000"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 400, "quotes at most 64 characters: " + e.getMessage());
    }

    @Test
    void tenantContextAndTenantIds_outOfBounds_areRefusedBeforeSending() {
        for (String bad : BAD_TENANT_IDS) {
            refused("X-Tenant-Context", () -> taegis.sso(bad));
            refused("tenantsQuery.ids", () -> taegis.tenants().get(bad));
            refused("tenantID", () -> taegis.tenants().rename(bad, "x"));
            refused("tenantID", () -> taegis.tenants().disable(bad));
            refused("tenantID", () -> taegis.tenants().enableSupport(bad));
            refused("tenant_id", () -> taegis.tenants().labels(bad));
            refused("tenant_id", () -> taegis.subscriptions().assign(bad, "s-1"));
            refused("tenantsQuery.forHierarchies", () -> taegis.tenants().list(TenantQuery.builder().forHierarchies(bad).build()));
        }
        assertTrue(fake.requests().isEmpty(), "nothing was sent: " + fake.requests());
    }

    @Test
    void otherIds_outOfBounds_areRefusedBeforeSending() {
        SsoClient sso = taegis.sso("200000");
        for (String bad : BAD_OTHER_IDS) {
            refused("label_id", () -> taegis.tenants().labels("200000").update(bad, TenantLabelRequest.of("a", "b")));
            refused("label_id", () -> taegis.tenants().labels("200000").delete(bad));
            refused("input.id", () -> taegis.subscriptions().update(bad, SubscriptionUpdate.rename("x")));
            refused("id", () -> taegis.subscriptions().delete(bad));
            refused("subscription_id", () -> taegis.subscriptions().unassign("200000", bad));
            refused("updatedConnection.id", () -> sso.update(bad, SsoConnectionUpdate.builder().status(SsoConnectionStatus.ENABLED).build()));
            refused("connectionID", () -> sso.delete(bad));
            refused("id", () -> sso.get(bad));
        }
        assertTrue(fake.requests().isEmpty(), "nothing was sent: " + fake.requests());
    }

    @Test
    void idsAtTheBounds_areSent() {
        String longTenant = "9".repeat(64);
        assertThrows(NotFoundException.class, () -> taegis.tenants().get(longTenant));
        assertEquals(longTenant, lastBody().path("variables").path("tenantsQuery").path("ids").get(0).asText());

        String tenant = fake.seedTenants(1).get(0);
        String longId = "l".repeat(256);
        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class,
                () -> taegis.tenants().labels(tenant).delete(longId));
        assertEquals(longId, lastBody().path("variables").path("label_id").asText(), "a 256-character id reaches the API");
        assertEquals("deleteTenantLabel", e.operation());
        assertTrue(e.getMessage().contains("label " + longId.substring(0, 10)), "the fake answers an error for a missing label, never a bare null");
    }
}
