package io.secopskit.servicenow;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeServiceNow;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh FakeServiceNow with a writer, a reader and an OAuth app; a Basic client for the writer. */
abstract class ServiceNowTestBase {
    static final String WRITER = "secops.integration";
    static final String WRITER_PASSWORD = "Writer-Pa55!";
    static final String READER = "readonly.user";
    static final String READER_PASSWORD = "Reader-Pa55!";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    FakeServiceNow fake;
    ServiceNowClient client;

    @BeforeEach
    void startFake() {
        fake = new FakeServiceNow();
        fake.start();
        fake.clock(clock);
        fake.user(WRITER, WRITER_PASSWORD, FakeServiceNow.WRITE_ROLE, "itil");
        fake.user(READER, READER_PASSWORD, "itil");
        fake.oauthClient("oauth-client-1", "oauth-secret-1", WRITER);
        client = builder().basicAuth(WRITER, Secret.of(WRITER_PASSWORD)).build();
    }

    ServiceNowClient.Builder builder() {
        return ServiceNowClient.builder().endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build());
    }

    /** The host every error of a client of the fake must name. */
    String fakeHost() {
        return fake.baseUri().getHost();
    }

    @AfterEach
    void stopFake() {
        client.close();
        fake.close();
    }
}
