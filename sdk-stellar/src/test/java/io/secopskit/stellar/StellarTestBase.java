package io.secopskit.stellar;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeStellarCyber;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh FakeStellarCyber and a JWT-mode client per test, sharing a test clock. */
abstract class StellarTestBase {
    static final String EMAIL = "soc-bot@partner.example";
    static final String KEY = "user-api-key-0123456789";
    static final String TENANT = "817418af76d44358922636e34be9627c";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    FakeStellarCyber fake;
    StellarCyberClient client;

    @BeforeEach
    void startFake() {
        fake = new FakeStellarCyber();
        fake.start();
        fake.clock(clock);
        fake.user(EMAIL, KEY);
        client = builder().apiKey(EMAIL, Secret.of(KEY)).build();
    }

    StellarCyberClient.Builder builder() {
        return StellarCyberClient.builder().endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build());
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }
}
