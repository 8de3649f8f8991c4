package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.carbonblack.model.RunStatus;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real Carbon Black bodies, served on the wire and read through the client: the success bodies of the
 * shared reference fixtures ({@code /fixtures/carbonblack/*.json}, identical to
 * {@code reference/fixtures/carbonblack}) and the error bodies of the vendor's own public client
 * ({@code /fixtures/carbonblack/errors}, sources in its README). The error code ({@code error_code}, else
 * {@code reason}) becomes {@code vendorCode()}.
 */
class FixturesTest extends CarbonBlackTestBase {
    private static String fixture(String name) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/carbonblack/" + name)) {
            assertTrue(in != null, "fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runsGet_readsTheRealRunBody() throws IOException {
        fake.faults().nextCalls(1, "GET", RUNS + "/run_id").respond(200, fixture("livequery_run_get.json"));

        Run run = cb.liveQuery().runs().get("run_id");

        assertEquals("run_id", run.id());
        assertEquals("ABCDEFGH", run.orgKey());
        assertEquals(RunStatus.COMPLETE, run.status());
        assertEquals(Instant.parse("2020-06-16T19:09:00.227Z"), run.createTime());
        assertEquals(Instant.parse("2020-06-23T19:09:00.227Z"), run.timeoutTime());
        assertEquals(List.of("MAC", "WINDOWS", "LINUX"), run.deviceFilter().os());
        assertEquals(null, run.deviceFilter().deviceIds());
        assertEquals(List.of("LQ"), run.destinations());
        assertEquals("QZGH961F1B", run.createdBy());
        assertEquals(1, fake.requests("GET", RUNS + "/run_id").size());
    }

    @Test
    void results_readTheRealResultsBody_inOneRequest() throws IOException {
        fake.faults().nextCalls(1, "POST", RUNS + "/run_id/results/_search").respond(200, fixture("livequery_results_search.json"));

        List<RunResult> rows = cb.liveQuery().results("run_id", RunResultQuery.all()).stream().collect(Collectors.toList());

        assertEquals(4, rows.size());
        RunResult first = rows.get(0);
        assertEquals("abcdefghijklmnopqrstuvwxyz123456", first.runId());
        assertEquals(4360506, first.device().id());
        assertEquals("LINUX", first.device().os());
        assertEquals(6525L, first.device().policyId());
        assertEquals("matched", first.status());
        assertEquals("/boot/vmlinuz-5.11.0-38-generic", first.fields().get("path"));
        assertEquals(Instant.parse("2021-11-11T15:25:51.140Z"), first.timeReceived());
        assertEquals("C:\\WINDOWS\\System32\\ntoskrnl.exe", rows.get(1).fields().get("path"));
        assertEquals(1, fake.requests("POST", RUNS + "/run_id/results/_search").size(), "num_found 4: one page");
    }

    @Test
    void devicesList_readsTheRealDeviceBody() throws IOException {
        fake.faults().nextCalls(1, "POST", DEVICES + "/_search").respond(200, fixture("devices_search.json"));

        List<Device> devices = cb.devices().list(DeviceQuery.all()).stream().collect(Collectors.toList());

        assertEquals(1, devices.size());
        assertTrue(devices.get(0).avStatus().contains("AV_ACTIVE"));
        assertTrue(devices.get(0).id() > 0);
        assertEquals(1, fake.requests("POST", DEVICES + "/_search").get(0).json().get("start").asLong());
    }

    @Test
    void feedsList_readsTheRealFeedsBody() throws IOException {
        fake.faults().nextCalls(1, "GET", FEEDS).respond(200, fixture("feeds_list.json"));

        List<FeedInfo> feeds = cb.feeds().list().stream().collect(Collectors.toList());

        assertEquals(37, feeds.size());
        assertEquals("IBM IRIS Feed", feeds.get(0).name());
        assertEquals("90TuDxDYQtiGyg5qhwYCg", feeds.get(0).id());
        assertEquals("private", feeds.get(0).access());
        assertEquals("WNEXFKQ7", feeds.get(0).owner());
        assertEquals(null, feeds.get(0).sourceLabel());
    }

    @Test
    void errorCode_invalidEnumValue_becomesVendorCode_onA400_sentOnce() throws IOException {
        fake.faults().nextCalls(3, "POST", DEVICES + "/_search").respond(400, fixture("errors/invalid_enum_value_400.json"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> cb.devices().list(DeviceQuery.all()).stream().count());

        assertEquals(400, e.httpStatus());
        assertEquals("INVALID_ENUM_VALUE", e.vendorCode());
        assertEquals("Malformed JSON input: terms.fields[0]", e.vendorMessage());
        assertEquals("SearchDevices", e.operation());
        assertEquals(host(), e.host());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("HTTP 400 INVALID_ENUM_VALUE"), e.getMessage());
        assertEquals(1, fake.requests("POST", DEVICES + "/_search").size(), "a 400 is not retried");
    }

    @Test
    void errorCode_notFound_becomesVendorCode_onA404() throws IOException {
        fake.faults().nextCalls(1, "GET", RUNS + "/gone").respond(404, fixture("errors/not_found_404.json"));

        NotFoundException e = assertThrows(NotFoundException.class, () -> cb.liveQuery().runs().get("gone"));

        assertEquals(404, e.httpStatus());
        assertEquals("NOT_FOUND", e.vendorCode());
        assertEquals("GetRun", e.operation());
        assertEquals(1, fake.requests("GET", RUNS + "/gone").size());
    }

    @Test
    void reason_queryMalformedSyntax_isAQuerySyntaxException() throws IOException {
        fake.faults().nextCalls(1, "POST", RUNS + "/_search").respond(400, fixture("errors/query_malformed_syntax_400.json"));

        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> cb.liveQuery().runs().list(io.secopskit.carbonblack.model.RunQuery.all()).stream().count());

        assertEquals("query_malformed_syntax", e.vendorCode());
        assertEquals(1, fake.requests("POST", RUNS + "/_search").size());
    }

    @Test
    void unauthorizedBody_keepsTheVendorMessage_andAddsTheAccessHint() throws IOException {
        fake.faults().nextCalls(1, "GET", FEEDS).respond(401, fixture("errors/unauthorized_401.json"));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> cb.feeds().list().stream().count());

        assertTrue(e.vendorMessage().startsWith("User is not authenticated; the key is missing, wrong, or its access level"),
                e.vendorMessage());
        assertTrue(e.vendorMessage().contains("threathunter.feeds permission and its Read operation (ListFeeds)"), e.vendorMessage());
        assertEquals(null, e.vendorCode());
        assertFalse(e.getMessage().contains(CUSTOM_SECRET));
    }
}
