package io.secopskit.taegis;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Secret;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh FakeTaegis (validating every document) and a client per test; the clock and sleeper are injected. */
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
        taegis = builder().clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)).build();
    }

    @AfterEach
    void stopFake() {
        taegis.close();
        fake.close();
    }

    /** A builder pointed at the fake (queries and tokens) with the test's clock and sleeper, without credentials. */
    TaegisClient.Builder builder() {
        return TaegisClient.builder().endpoint(fake.baseUri()).authEndpoint(fake.baseUri())
                .options(o -> o.clock(clock).sleeper(sleeps::add));
    }

    String fakeHost() {
        return fake.baseUri().getHost();
    }

    List<FakeRequest> queries() {
        return fake.requests("POST", TaegisClient.QUERY_PATH);
    }

    /** The GraphQL requests of one operation: documents starting {@code query <name>(} or {@code mutation <name>(}. */
    List<FakeRequest> sent(String operation) {
        return queries().stream().filter(r -> {
            String doc = r.json().path("query").asText();
            return doc.startsWith("query " + operation + "(") || doc.startsWith("mutation " + operation + "(")
                    || doc.startsWith("query " + operation + " ") || doc.startsWith("mutation " + operation + " ");
        }).toList();
    }

    JsonNode lastBody() {
        List<FakeRequest> q = queries();
        return q.get(q.size() - 1).json();
    }

    int tokenRequests() {
        return fake.requests("POST", TaegisClient.TOKEN_PATH).size();
    }
}
