package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.http.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (c) / AMENDMENTS 15: CreateCustomer's daily quota is a sliding 24-hour window counted by the SDK (30 sends
 * in any 24 hours, every send counted), and Google's own 429 RESOURCE_EXHAUSTED on CreateCustomer is the same
 * {@link QuotaExhaustedException}, detected by the vendor, never retried. The fake's own quota is raised or lowered
 * so that each test says whose count it measures.
 */
class CreateCustomerQuotaTest extends ChronicleTestBase {
    private static final String CREATE = "/v1/partner/customer/createcustomer";

    private void create(CustomersClient client, String code) {
        client.create(CreateCustomerRequest.builder().customerName("Customer " + code).customerCode(code).build());
    }

    private int sent() {
        return env.fake.requests("POST", CREATE).size();
    }

    @Test
    void create_googlesQuotaLowerThanTheSdks_429ResourceExhaustedIsQuotaExhaustedDetectedByTheVendor_neverRetried() {
        env.fake.createCustomerQuota(2);   // Google's quota lowered below the SDK's 30
        Instant first = env.clock.instant();
        create(customers, "one");
        env.clock.advance(Duration.ofMinutes(5));
        create(customers, "two");
        env.clock.advance(Duration.ofMinutes(5));

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> create(customers, "three"));

        assertEquals(QuotaExhaustedException.Side.VENDOR, e.detectedBy());
        assertEquals(429, e.httpStatus());
        assertEquals("RESOURCE_EXHAUSTED", e.vendorCode());
        assertEquals("CreateCustomer", e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertEquals(CustomersClient.CREATE_CUSTOMER_LIMIT, e.limitKey());
        assertEquals(first.plus(Duration.ofDays(1)), e.resetsAt(), "the oldest send the client counted, plus 24 h");
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("Quota exceeded"), e.getMessage());
        assertEquals(3, sent(), "the refused send reached Google once and was not repeated");
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void create_googlesQuotaRaisedAbove30_theSdksOwnCountStopsThe31st_withZeroRequests() {
        env.fake.createCustomerQuota(100);   // so that the 30 measured here is the SDK's, not the fake's
        Instant first = env.clock.instant();
        for (int i = 0; i < 30; i++) {
            create(customers, "c" + i);
            env.clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(30, sent());
        int before = env.fake.requests().size();

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> create(customers, "c30"));

        assertEquals(QuotaExhaustedException.Side.CLIENT, e.detectedBy());
        assertEquals(CustomersClient.CREATE_CUSTOMER_LIMIT, e.limitKey());
        assertEquals(first.plus(Duration.ofDays(1)), e.resetsAt());
        assertEquals(0, e.httpStatus());
        assertEquals(before, env.fake.requests().size(), "the 31st sent nothing at all");
        assertEquals(30, sent());
        assertEquals(30, env.fake.customerCount());
        assertTrue(env.sleeps.isEmpty(), "a quota never waits");
    }

    @Test
    void create_theWindowSlides_theOldestSendLeavingFreesExactlyOnePermit() {
        env.fake.createCustomerQuota(100);
        for (int i = 0; i < 30; i++) {
            create(customers, "c" + i);
            env.clock.advance(Duration.ofMinutes(30));   // sends at 09:00, 09:30, ... 23:30
        }
        assertThrows(QuotaExhaustedException.class, () -> create(customers, "early"));
        env.clock.set(Instant.parse("2026-11-23T09:00:00Z"));   // the first send, 24 h ago, leaves the window

        create(customers, "late");

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> create(customers, "later"));
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), e.resetsAt(), "the second send leaves next");
        assertEquals(31, sent());
    }

    @Test
    void create_everySendCounts_theDocumentedResendTakesAPermitToo() {
        env.fake.createCustomerQuota(100);
        CustomersClient three = env.client(o -> o.rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 3)))
                .customers();
        env.fake.failNextCreatesRetryably(1);
        create(three, "retried");   // two sends: the documented failure and its resend
        create(three, "second");

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> create(three, "third"));

        assertEquals(QuotaExhaustedException.Side.CLIENT, e.detectedBy());
        assertEquals(3, sent(), "3 sends in 24 h: the quota of 3 is used up after two customers");
    }
}
