package io.secopskit.taegis;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh FakeTaegis (validating every document) and a client per test. */
abstract class TaegisTestBase {
    static final String CLIENT_ID = "taegis-client";
    static final String CLIENT_SECRET = "taegis-client-secret-value";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    FakeTaegis fake;
    TaegisClient taegis;

    @BeforeEach
    void startFake() {
        fake = new FakeTaegis();
        fake.start();
        fake.clock(clock);
        fake.issuer().client(CLIENT_ID, CLIENT_SECRET);
        taegis = TaegisClient.builder().endpoint(fake.baseUri()).authEndpoint(fake.baseUri())
                .clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET))
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build()).build();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    List<FakeRequest> queries() {
        return fake.requests("POST", "/public/query");
    }

    JsonNode lastBody() {
        List<FakeRequest> q = queries();
        return q.get(q.size() - 1).json();
    }
}
