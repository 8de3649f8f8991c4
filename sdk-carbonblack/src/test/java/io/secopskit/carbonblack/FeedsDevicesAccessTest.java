package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.Feed;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.FeedQuery;
import io.secopskit.carbonblack.model.Ioc;
import io.secopskit.carbonblack.model.Report;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.testkit.FakeRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Feeds, devices, notifications and access levels: what is sent, where, and what is refused before sending. */
class FeedsDevicesAccessTest extends CarbonBlackTestBase {
    private static final FeedInfo INFO = FeedInfo.of("Acme private IOCs", "https://intel.acme.example/feed", "Acme's own", "Partner");
    private static final Report REPORT = new Report("r-1", 1_763_800_000L, "C2 servers", "Known C2", 8, null, List.of("c2"),
            List.of(Ioc.equality("ioc-1", "netconn_ipv4", "203.0.113.7"), Ioc.query("ioc-2", "process_name:evil.exe")));

    @Test
    void feeds_createGetListUpdateInfoReplaceReportsDelete() {
        FeedInfo created = cb.feeds().create(CreateFeedRequest.of(INFO, List.of(REPORT)));

        FakeRequest post = fake.requests("POST", FEEDS).get(0);
        assertEquals("Acme private IOCs", post.json().path("feedinfo").path("name").asText());
        assertEquals("private", post.json().path("feedinfo").path("access").asText());
        assertTrue(!post.json().path("feedinfo").has("id"), "id is assigned by the vendor");
        assertEquals("equality", post.json().path("reports").get(0).path("iocs_v2").get(0).path("match_type").asText());
        assertEquals("netconn_ipv4", post.json().path("reports").get(0).path("iocs_v2").get(0).path("field").asText());
        assertEquals(ORG, created.owner());

        Feed feed = cb.feeds().get(created.id());
        assertEquals(8, feed.reports().get(0).severity());
        assertEquals(List.of("process_name:evil.exe"), feed.reports().get(0).iocs().get(1).values());

        assertEquals(List.of("Acme private IOCs"), cb.feeds().list().stream().map(FeedInfo::name).collect(Collectors.toList()));
        assertEquals(null, fake.lastRequest().queryParam("include_public"), "own feeds: no include_public");
        assertEquals(2, cb.feeds().list(FeedQuery.withPublicFeeds()).stream().count());
        assertEquals("true", fake.lastRequest().queryParam("include_public"));

        FeedInfo renamed = cb.feeds().updateInfo(created.id(), FeedInfo.of("Acme IOCs v2", "https://intel.acme.example/feed",
                "Acme's own", "Partner"));
        assertEquals("Acme IOCs v2", renamed.name());
        assertEquals("PUT", fake.lastRequest().method());
        assertEquals(FEEDS + "/" + created.id() + "/feedinfo", fake.lastRequest().path());

        cb.feeds().replaceReports(created.id(), List.of());
        assertEquals("{\"reports\":[]}", fake.lastRequest().body());
        assertTrue(cb.feeds().get(created.id()).reports().isEmpty());

        cb.feeds().delete(created.id());
        assertTrue(fake.feeds().isEmpty());
    }

    private void assertRejected(String field, Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertEquals(field, e.field());
    }

    private FeedInfo create(FeedInfo info, List<Report> reports) {
        return cb.feeds().create(CreateFeedRequest.of(info, reports));
    }

    private static Report withIoc(Ioc ioc) {
        return new Report("r", 1L, "t", "d", 5, null, null, List.of(ioc));
    }

    private static Report report(long timestamp, int severity) {
        return new Report("r", timestamp, "t", "d", severity, null, null, List.of());
    }

    @Test
    void feedCreate_eachInvalidCase_isRejectedWithNoRequestSent() {
        Map<String, Supplier<Runnable>> cases = Map.of(
                "feedinfo.name", () -> () -> cb.feeds().create(CreateFeedRequest.of(FeedInfo.of(" ", "https://x.example", "s", "c"))),
                "feedinfo.summary", () -> () -> cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("n", "https://x.example", null, "c"))),
                "feedinfo.category", () -> () -> cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("n", "https://x.example", "s", ""))),
                "feedinfo.provider_url", () -> () -> cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("n", "not a url", "s", "c"))),
                "reports[0].severity", () -> () -> cb.feeds().create(CreateFeedRequest.of(INFO, List.of(report(1L, 11)))),
                "reports[0].timestamp", () -> () -> cb.feeds().create(CreateFeedRequest.of(INFO, List.of(report(0L, 5)))),
                "reports[0].iocs_v2[0].match_type", () -> () -> create(INFO, List.of(withIoc(
                        new Ioc("i", "fuzzy", List.of("x"), "f")))),
                "reports[0].iocs_v2[0].field", () -> () -> create(INFO, List.of(withIoc(
                        new Ioc("i", "regex", List.of(".*evil.*"), null)))),
                "reports[0].iocs_v2[0].values", () -> () -> create(INFO, List.of(withIoc(
                        new Ioc("i", "query", List.of("a:1", "b:2"), null)))));
        cases.forEach((field, call) -> assertRejected(field, call.get()));
        assertRejected("reports[0].severity", () -> cb.feeds().create(CreateFeedRequest.of(INFO, List.of(report(1L, 0)))));
        assertRejected("reports[0].iocs_v2[0].values", () -> create(INFO, List.of(withIoc(
                new Ioc("i", "equality", List.of(), "f")))));
        assertRejected("reports[1]", () -> create(INFO, java.util.Arrays.asList(report(1L, 5), null)));
        assertRejected("request", () -> cb.feeds().create(null));
        assertRejected("feedinfo", () -> cb.feeds().create(CreateFeedRequest.of(null)));
        assertRejected("reports[0].id", () -> cb.feeds().replaceReports("feed-1", List.of(new Report(" ", 1L, "t", "d", 5, null, null, null))));
        assertRejected("feedinfo.provider_url", () -> cb.feeds().updateInfo("feed-1", FeedInfo.of("n", "ftp://x.example", "s", "c")));
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void devicesList_pagesWithOneBasedStart() {
        fake.seedDevices(2500);

        List<Device> all = cb.devices().list(DeviceQuery.builder().pageSize(1000).sort("name", false).build())
                .stream().collect(Collectors.toList());

        assertEquals(2500, all.size());
        List<FakeRequest> calls = fake.requests("POST", DEVICES + "/_search");
        assertEquals(List.of(1L, 1001L, 2001L), calls.stream().map(r -> r.json().get("start").asLong()).collect(Collectors.toList()));
        assertEquals("ASC", calls.get(0).json().path("sort").get(0).path("order").asText());
        assertEquals("endpoint-0", all.get(0).name());
    }

    @Test
    void devicesList_above10k_areReadOnceThroughScroll() {
        fake.seedDevices(12_345);

        Set<Long> ids = new HashSet<>();
        for (Device d : cb.devices().list(DeviceQuery.builder().pageSize(5000).build())) {
            assertTrue(ids.add(d.id()));
        }

        assertEquals(12_345, ids.size());
        assertEquals(1, fake.requests("POST", DEVICES + "/_search").size());
        assertEquals(3, fake.requests("POST", DEVICES + "/_scroll").size());
    }

    @Test
    void devicesGet_readsOneDeviceById_andRefusesANonPositiveIdBeforeSending() {
        fake.seedDevices(3);

        Device d = cb.devices().get(5_000_001L);

        assertEquals("endpoint-1", d.name());
        assertEquals("GET", fake.lastRequest().method());
        assertEquals(DEVICES + "/5000001", fake.lastRequest().path());
        assertEquals("device_id", assertThrows(ValidationException.class, () -> cb.devices().get(0)).field());
        assertEquals(1, fake.requests().size());
        io.secopskit.core.error.NotFoundException missing = assertThrows(io.secopskit.core.error.NotFoundException.class,
                () -> cb.devices().get(42L));
        assertEquals(404, missing.httpStatus());
        assertEquals("NOT_FOUND", missing.vendorCode(), "the fake's error_code reaches vendorCode()");
        assertEquals("GetDevice", missing.operation());
    }

    @Test
    @SuppressWarnings("deprecation")
    void notifications_withoutAnApiHost_areAConfigurationException_andNothingIsSent() {
        try (CarbonBlackClient defenseOnly = CarbonBlackClient.builder().endpoint(fake.defenseUri()).orgKey(ORG)
                .apiKey("SIEMID0001", io.secopskit.core.Secret.of("SIEMSECRET")).build()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> defenseOnly.notifications().fetch());
            assertEquals("apiEndpoint", e.setting());
            assertTrue(e.rule().contains("environment(...) or apiEndpoint(URI)"), e.rule());
            assertEquals(null, defenseOnly.apiEndpoint());
            assertTrue(fake.requests().isEmpty() && fake.apiHost().requests().isEmpty());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void notifications_goToTheApiHost_withSiemKey() {
        fake.pushNotification("THREAT", "malware blocked");
        CarbonBlackClient siem = client("SIEMID0001", "SIEMSECRET");

        List<Map<String, Object>> first = siem.notifications().fetch();
        List<Map<String, Object>> second = siem.notifications().fetch();

        assertEquals(1, first.size());
        assertEquals("malware blocked", first.get(0).get("eventDescription"));
        assertTrue(second.isEmpty(), "the queue is read-once");
        assertEquals(2, fake.apiHost().requests("GET", "/integrationServices/v3/notification").size());
        assertEquals("SIEMSECRET/SIEMID0001", fake.apiHost().lastRequest().header("X-Auth-Token"));
        assertTrue(fake.requests().isEmpty(), "nothing went to the defense host");
    }

    @Test
    @SuppressWarnings("deprecation")
    void wrongAccessLevel_explainsTheServiceCategoryAndLevelNeeded() {
        CarbonBlackClient siem = client("SIEMID0001", "SIEMSECRET");
        AuthenticationException lq = assertThrows(AuthenticationException.class,
                () -> siem.liveQuery().runs().get("any"));
        assertTrue(lq.getMessage().contains("CB-LO Live Query (/livequery)"), lq.getMessage());
        assertTrue(lq.getMessage().contains("livequery.manage"), lq.getMessage());
        assertTrue(lq.getMessage().contains("User is not authenticated"), lq.getMessage());

        CarbonBlackClient api = client("APIID00001", "APISECRET");
        AuthenticationException n = assertThrows(AuthenticationException.class, () -> api.notifications().fetch());
        assertTrue(n.getMessage().contains("needs a SIEM key"), n.getMessage());
        assertTrue(!n.getMessage().contains("APISECRET"));

        assertEquals(0, api.feeds().list().stream().count(), "an API key may read feeds (none exist yet)");
    }

    @Test
    @SuppressWarnings("deprecation")
    void requestOnTheWrongHostKind_isRefusedByTheFake() {
        CarbonBlackClient swapped = CarbonBlackClient.builder().endpoint(fake.apiUri()).apiEndpoint(fake.defenseUri())
                .apiKey("SIEMID0001", io.secopskit.core.Secret.of("SIEMSECRET")).orgKey(ORG).build();

        io.secopskit.core.error.NotFoundException e = assertThrows(io.secopskit.core.error.NotFoundException.class,
                () -> swapped.notifications().fetch());

        assertTrue(e.getMessage().contains("served by the API host"), e.getMessage());
    }

    @Test
    void environments_mapToDefenseAndApiHosts() {
        assertEquals(URI.create("https://defense-prod05.conferdeploy.net"), CarbonBlackEnvironment.PROD05.defenseHost());
        assertEquals(URI.create("https://api-prod05.conferdeploy.net"), CarbonBlackEnvironment.PROD05.apiHost());
        assertEquals(URI.create("https://defense.conferdeploy.net"), CarbonBlackEnvironment.PROD02.defenseHost());
        assertEquals(URI.create("https://defense-eu.conferdeploy.net"), CarbonBlackEnvironment.PROD06.defenseHost());
        assertEquals(URI.create("https://dashboard.confer.net"), CarbonBlackEnvironment.PROD01.defenseHost());
        assertEquals(URI.create("https://defense-prodsyd.conferdeploy.net"), CarbonBlackEnvironment.PRODSYD.defenseHost());
        assertEquals(URI.create("https://api-prod04.conferdeploy.net"), CarbonBlackEnvironment.of("PROD04").apiHost());
        assertEquals(CarbonBlackEnvironment.PROD02, CarbonBlackEnvironment.of("prod02"), "a named environment keeps its published host");
        assertEquals(CarbonBlackEnvironment.PROD06, CarbonBlackEnvironment.of(" Prod06 "));
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> CarbonBlackEnvironment.of("prod04.evil.example/"));
        assertEquals("environment", bad.setting());
        assertEquals("environment", assertThrows(ConfigurationException.class, () -> CarbonBlackEnvironment.of(null)).setting());
    }

    @Test
    void orgKey_isValidated_andRequired_asConfigurationExceptions() {
        ConfigurationException traversal = assertThrows(ConfigurationException.class,
                () -> CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05)
                        .apiKey("id", io.secopskit.core.Secret.of("s")).orgKey("ABC/../X").build());
        assertEquals("orgKey", traversal.setting());
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> CarbonBlackClient.builder()
                .environment(CarbonBlackEnvironment.PROD05).apiKey("id", io.secopskit.core.Secret.of("s")).build());
        assertEquals("orgKey", missing.setting());
    }
}
