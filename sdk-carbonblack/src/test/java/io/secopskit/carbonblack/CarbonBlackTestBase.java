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

/** A fresh two-host FakeCarbonBlack with keys of every access level, and a client using the Custom key. */
abstract class CarbonBlackTestBase {
    static final String ORG = "ABCD1234";
    static final String CUSTOM_ID = "CUSTOMID01";
    static final String CUSTOM_SECRET = "CUSTOMSECRETKEY0123456789";

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

    CarbonBlackClient client(String apiId, String secret) {
        return CarbonBlackClient.builder().defenseEndpoint(fake.defenseUri()).apiEndpoint(fake.apiUri())
                .apiKey(apiId, Secret.of(secret)).orgKey(ORG)
                .options(ClientOptions.builder().clock(clock).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).build()).build();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }
}
