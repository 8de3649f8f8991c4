package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeCarbonBlack;
import io.secopskit.testkit.FakeTls;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 items 6 and 8 on the SDK side: a 401 names the permission and operation the document ties to the
 * call; searches send what the strict fake filters on; the client reaches a fake over HTTPS.
 */
class DocumentPermissionsTest extends CarbonBlackTestBase {
    private static final String DOC_ID = "DOCEXAMPLE1";
    private static final String DOC_SECRET = "DOCEXAMPLESECRET";
    private static final FeedInfo INFO = FeedInfo.of("Acme IOCs", "https://intel.acme.example/feed", "Acme's own", "Partner");

    private AuthenticationException unauthorized(Supplier<?> call) {
        int before = fake.requests().size();
        AuthenticationException e = assertThrows(AuthenticationException.class, call::get);
        assertEquals(before + 1, fake.requests().size(), "a 401 is sent once, not retried");
        assertEquals(401, e.httpStatus());
        assertFalse(e.getMessage().contains(DOC_SECRET));
        return e;
    }

    @Test
    void documentExampleKey_createsAndReads_andEach401NamesThePermissionAndOperationMissing() {
        fake.docExampleKey(DOC_ID, DOC_SECRET);
        CarbonBlackClient helpDesk = client(DOC_ID, DOC_SECRET);

        Run run = helpDesk.liveQuery().runs().create(CreateRunRequest.of("select * from users;"));
        assertEquals(run.id(), helpDesk.liveQuery().runs().get(run.id()).id());
        assertEquals(0, helpDesk.liveQuery().results(run.id(), RunResultQuery.all()).stream().count());
        FeedInfo feed = helpDesk.feeds().create(CreateFeedRequest.of(INFO));
        assertEquals("Acme IOCs", helpDesk.feeds().get(feed.id()).info().name());

        AuthenticationException cancel = unauthorized(() -> helpDesk.liveQuery().runs().cancel(run.id()));
        assertTrue(cancel.getMessage().contains("CB-LO Live Query (/livequery), which needs a Custom key with the "
                + "livequery.manage permission and its Update operation (CancelRun)"), cancel.getMessage());
        AuthenticationException delete = unauthorized(() -> {
            helpDesk.liveQuery().runs().delete(run.id());
            return null;
        });
        assertTrue(delete.getMessage().contains("livequery.manage permission and its Delete operation (DeleteRun)"),
                delete.getMessage());
        AuthenticationException rename = unauthorized(() -> helpDesk.feeds().updateInfo(feed.id(), INFO));
        assertTrue(rename.getMessage().contains("CB-TH (/threathunter), which needs a Custom key with the threathunter.feeds "
                + "permission and its Update operation (UpdateFeedInfo), or an API key"), rename.getMessage());
        AuthenticationException deleteFeed = unauthorized(() -> {
            helpDesk.feeds().delete(feed.id());
            return null;
        });
        assertTrue(deleteFeed.getMessage().contains("threathunter.feeds permission and its Delete operation (DeleteFeed)"),
                deleteFeed.getMessage());
        assertEquals(1, fake.runs().size());
        assertEquals(1, fake.feeds().size());
    }

    @Test
    void readOnlyKey_startingARun_namesTheCreateOperation() {
        fake.apiKey("READER0001", "READERSECRET", FakeCarbonBlack.Permission.of("livequery.manage", FakeCarbonBlack.Op.READ));
        AuthenticationException e = unauthorized(() -> client("READER0001", "READERSECRET").liveQuery().runs()
                .create(CreateRunRequest.of("select 1;")));
        assertTrue(e.getMessage().contains("livequery.manage permission and its Create operation (CreateRun)"), e.getMessage());
    }

    @Test
    void deviceSearch_401_keepsTheGenericHint_theTableListsNoDevicePermission() {
        fake.docExampleKey(DOC_ID, DOC_SECRET);
        AuthenticationException e = unauthorized(() -> client(DOC_ID, DOC_SECRET).devices()
                .list(DeviceQuery.all()).stream().count());
        assertTrue(e.getMessage().contains("PSC (/appservices), which needs a Custom key with the appropriate permissions"),
                e.getMessage());
    }

    @Test
    void searches_sendQueryStringsAndDottedCriteria_thatTheFakeHonours() {
        fake.seedDevices(6);
        List<String> macs = cb.devices().list(DeviceQuery.builder().query("os:MAC OR name:endpoint-1").build()).stream()
                .map(Device::name).collect(Collectors.toList());
        assertEquals(List.of("endpoint-0", "endpoint-1", "endpoint-3"), macs);

        Run run = cb.liveQuery().runs().create(CreateRunRequest.of("select * from processes;"));
        fake.seedRunResults(run.id(), 8);
        List<RunResult> linux = cb.liveQuery().results(run.id(), RunResultQuery.builder().criterion("device.os", "LINUX").build())
                .stream().collect(Collectors.toList());
        assertEquals(4, linux.size());
        assertEquals("[\"LINUX\"]", fake.lastRequest().json().path("criteria").path("device.os").toString());
    }

    @Test
    void https_bothHostsAreReachedWithTheFakesTrustMaterial() {
        try (FakeCarbonBlack tls = new FakeCarbonBlack(ORG)) {
            tls.useHttps().start();
            tls.apiKey(CUSTOM_ID, CUSTOM_SECRET, FakeCarbonBlack.AccessLevel.CUSTOM, "threathunter.feeds");
            tls.apiKey("SIEMID0001", "SIEMSECRET", FakeCarbonBlack.AccessLevel.SIEM);
            OkHttpClient http = new OkHttpClient.Builder()
                    .sslSocketFactory(FakeTls.shared().sslSocketFactory(), FakeTls.shared().trustManager()).build();
            ClientOptions options = ClientOptions.builder().httpClient(http).build();

            CarbonBlackClient feeds = CarbonBlackClient.builder().endpoint(tls.defenseUri()).apiEndpoint(tls.apiUri())
                    .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).orgKey(ORG).options(options).build();
            CarbonBlackClient siem = CarbonBlackClient.builder().endpoint(tls.defenseUri()).apiEndpoint(tls.apiUri())
                    .apiKey("SIEMID0001", Secret.of("SIEMSECRET")).orgKey(ORG).options(options).build();

            assertEquals(0, feeds.feeds().list().stream().count());
            @SuppressWarnings("deprecation")
            int notifications = siem.notifications().fetch().size();
            assertEquals(0, notifications);
            assertEquals(1, tls.requests().size());
            assertEquals(1, tls.apiHost().requests().size());
        }
    }
}
