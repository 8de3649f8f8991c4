package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ServerException;
import io.secopskit.core.paging.Page;
import io.secopskit.testkit.FakeRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tenants.list through the lazy PagedIterable. */
class TenantPagingTest {
    @TempDir
    Path dir;
    TenantServiceTestSupport env;
    TenantServiceClient client;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
        client = env.client();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void listTenants_250Tenants_pagesAt100InExactlyThreeRequestsWithEachTenantOnce() {
        List<String> seeded = env.fake.seedTenants(250);

        List<String> listed = new ArrayList<>();
        for (Tenant t : client.tenants().list()) {
            listed.add(t.name());
        }

        assertEquals(seeded, listed, "every tenant once, in the service's order");
        assertEquals(250, new HashSet<>(listed).size());
        List<FakeRequest> gets = env.api("GET", "/tenants");
        assertEquals(3, gets.size());
        for (FakeRequest get : gets) {
            assertEquals(List.of("100"), get.query().get("pageSize"));
            assertEquals("", get.body());
        }
        assertNull(gets.get(0).queryParam("pageToken"), "the first page has no token");
        assertFalse(gets.get(1).queryParam("pageToken").isEmpty());
        assertFalse(gets.get(1).queryParam("pageToken").equals(gets.get(2).queryParam("pageToken")));
    }

    @Test
    void listTenants_byPage_showsThePageBoundaries() {
        env.fake.seedTenants(250);
        List<Integer> sizes = new ArrayList<>();
        for (Page<Tenant> page : client.tenants().list().byPage()) {
            sizes.add(page.items().size());
        }
        assertEquals(List.of(100, 100, 50), sizes);
    }

    @Test
    void listTenants_isLazy_fetchingTheNextPageOnlyWhenIterationReachesIt() {
        env.fake.seedTenants(250);
        Iterator<Tenant> it = client.tenants().list().iterator();
        assertEquals(0, env.api("GET", "/tenants").size(), "nothing before iteration");
        for (int i = 0; i < 100; i++) {
            it.next();
        }
        assertEquals(1, env.api("GET", "/tenants").size());
        it.next();
        assertEquals(2, env.api("GET", "/tenants").size());
    }

    @Test
    void listTenants_eachIterationStartsOver() {
        env.fake.seedTenants(3);
        var tenants = client.tenants().list();
        assertEquals(3, tenants.stream().count());
        assertEquals(3, tenants.stream().count());
        assertEquals(2, env.api("GET", "/tenants").size());
    }

    @Test
    void listTenants_smallerPageSize_isSent() {
        env.fake.seedTenants(5);
        assertEquals(5, client.tenants().list(TenantQuery.builder().pageSize(2).build()).stream().count());
        assertEquals(3, env.api("GET", "/tenants").size());
        assertEquals("2", env.api("GET", "/tenants").get(0).queryParam("pageSize"));
    }

    @Test
    void listTenants_none_isEmptyAfterOneRequest() {
        assertEquals(0, client.tenants().list().stream().count());
        assertEquals(1, env.api("GET", "/tenants").size());
    }

    @Test
    void listTenants_emptyPageWithANextToken_isFollowedNotMistakenForTheEnd() {
        env.fake.faults().nextCalls(1, "GET", env.base + "/tenants").respond(200, "{\"nextPageToken\":\"t1\"}");
        env.fake.faults().nextCalls(1, "GET", env.base + "/tenants").respond(200,
                "{\"tenants\":[{\"name\":\"" + env.fake.partnerInstance() + "/tenants/x\",\"customerCode\":\"late\"}]}");

        assertEquals("late", client.tenants().findByCustomerCode("late").orElseThrow().customerCode());
        assertEquals("t1", env.api("GET", "/tenants").get(1).queryParam("pageToken"));
    }

    @Test
    void listTenants_repeatedNextToken_failsInsteadOfLooping() {
        env.fake.faults().nextCalls(5, "GET", env.base + "/tenants").respond(200,
                "{\"tenants\":[{\"name\":\"a/tenants/1\"}],\"nextPageToken\":\"same\"}");

        ServerException e = assertThrows(ServerException.class, () -> client.tenants().list().stream().count());
        assertEquals("PAGING_LOOP", e.vendorCode());
        assertEquals(2, env.api("GET", "/tenants").size());
    }

    @Test
    void findTenantByCustomerCode_stopsAtTheFirstMatchingPage() {
        env.fake.seedTenants(250);
        Tenant t = client.tenants().findByCustomerCode("seed-0150").orElseThrow();
        assertEquals("seed-0150", t.customerCode());
        assertEquals(2, env.api("GET", "/tenants").size());
        assertTrue(client.tenants().findByCustomerCode("nobody").isEmpty());
        assertEquals(5, env.api("GET", "/tenants").size(), "2 pages for the match, then all 3 pages for the miss");
    }
}
