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

/** A fresh FakeStellarCyber and a JWT-mode client per test, sharing a test clock; sleeps are recorded, not slept. */
abstract class StellarTestBase {
    static final String EMAIL = "soc-bot@partner.example";
    static final String KEY = "user-api-key-0123456789";
    static final String TENANT = "817418af76d44358922636e34be9627c";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    FakeStellarCyber fake;
    StellarClient client;

    @BeforeEach
    void startFake() {
        fake = new FakeStellarCyber();
        fake.start();
        fake.clock(clock);
        fake.user(EMAIL, KEY);
        client = builder().apiKey(EMAIL, Secret.of(KEY)).build();
    }

    StellarClient.Builder builder() {
        return StellarClient.builder().endpoint(fake.baseUri()).options(options().build());
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder().clock(clock).sleeper(sleeps::add);
    }

    /** The host every error must name: the fake's loopback address. */
    String host() {
        return fake.baseUri().getHost();
    }

    @AfterEach
    void stopFake() {
        if (client != null) {
            client.close();
        }
        fake.close();
    }
}
