package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunStatus;
import io.secopskit.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the models read real Carbon Black response bodies. */
class FixturesTest {
    private static <T> T read(String name, TypeReference<T> type) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/carbonblack/" + name)) {
            return Json.mapper().readValue(in, type);
        }
    }

    @Test
    void liveQueryRun_parses() throws IOException {
        Run run = read("livequery_run_get.json", new TypeReference<Run>() { });
        assertEquals("run_id", run.id());
        assertEquals(RunStatus.COMPLETE, run.status());
        assertEquals(Instant.parse("2020-06-16T19:09:00.227Z"), run.createTime());
        assertEquals(List.of("MAC", "WINDOWS", "LINUX"), run.deviceFilter().os());
        assertEquals(List.of("LQ"), run.destinations());
    }

    @Test
    void liveQueryResults_parse() throws IOException {
        CappedSearch.Results<RunResult> page = read("livequery_results_search.json", new TypeReference<>() { });
        assertEquals(4, page.numFound());
        RunResult first = page.results().get(0);
        assertEquals(4360506, first.device().id());
        assertEquals("LINUX", first.device().os());
        assertEquals("/boot/vmlinuz-5.11.0-38-generic", first.fields().get("path"));
        assertEquals(Instant.parse("2021-11-11T15:25:51.140Z"), first.timeReceived());
    }

    @Test
    void devicesAndFeeds_parse() throws IOException {
        CappedSearch.Results<Device> devices = read("devices_search.json", new TypeReference<>() { });
        assertTrue(devices.numFound() >= 1);
        assertTrue(devices.results().get(0).avStatus().contains("AV_ACTIVE"));
        FeedsClient.FeedList feeds = read("feeds_list.json", new TypeReference<>() { });
        assertEquals("IBM IRIS Feed", feeds.results().get(0).name());
        assertEquals("90TuDxDYQtiGyg5qhwYCg", feeds.results().get(0).id());
        assertEquals("private", feeds.results().get(0).access());
    }
}
