package io.secopskit.carbonblack;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeCarbonBlack;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh two-host FakeCarbonBlack with keys of every access level, and a client using the Custom key. The
 * clients share a test clock; their sleeper records each wait and advances the clock by it, so nothing sleeps.
 */
abstract class CarbonBlackTestBase {
    static final String ORG = "ABCD1234";
    static final String CUSTOM_ID = "CUSTOMID01";
    static final String CUSTOM_SECRET = "CUSTOMSECRETKEY0123456789";
    static final String RUNS = "/livequery/v1/orgs/" + ORG + "/runs";
    static final String FEEDS = "/threathunter/feedmgr/v2/orgs/" + ORG + "/feeds";
    static final String DEVICES = "/appservices/v6/orgs/" + ORG + "/devices";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    FakeCarbonBlack fake;
    CarbonBlackClient cb;

    @BeforeEach
    void startFake() {
        fake = new FakeCarbonBlack(ORG).start();
        fake.clock(clock);
        fake.apiKey(CUSTOM_ID, CUSTOM_SECRET, FakeCarbonBlack.AccessLevel.CUSTOM, "livequery.manage", "threathunter.feeds", "device");
        fake.apiKey("SIEMID0001", "SIEMSECRET", FakeCarbonBlack.AccessLevel.SIEM);
        fake.apiKey("APIID00001", "APISECRET", FakeCarbonBlack.AccessLevel.API);
        cb = client(CUSTOM_ID, CUSTOM_SECRET);
    }

    /** A builder pointed at both fake hosts, with the test clock and sleeper, without credentials. */
    CarbonBlackClient.Builder builder() {
        return CarbonBlackClient.builder().endpoint(fake.defenseUri()).apiEndpoint(fake.apiUri()).orgKey(ORG)
                .options(options().build());
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder().clock(clock).sleeper(d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    CarbonBlackClient client(String apiId, String secret) {
        return builder().apiKey(apiId, Secret.of(secret)).build();
    }

    /** The host every defense-host error must name: the fake's loopback address. */
    String host() {
        return fake.defenseUri().getHost();
    }

    @AfterEach
    void stopFake() {
        if (cb != null) {
            cb.close();
        }
        fake.close();
    }
}
