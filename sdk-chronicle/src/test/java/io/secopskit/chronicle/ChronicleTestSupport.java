package io.secopskit.chronicle;

import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeChronicle;
import io.secopskit.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A started FakeChronicle, a key file for it, and a client wired to both with a test clock. */
final class ChronicleTestSupport implements AutoCloseable {
    static final String PARTNER = "partner-sa@partner-project.iam.gserviceaccount.com";

    final FakeChronicle fake = new FakeChronicle();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Path keyFile;

    ChronicleTestSupport(Path dir) throws IOException {
        fake.start();
        fake.clock(clock);
        keyFile = dir.resolve("partner-key.json");
        Files.writeString(keyFile, fake.newServiceAccountKeyJson(PARTNER));
    }

    ChronicleClient client() {
        return client(o -> o);
    }

    ChronicleClient client(UnaryOperator<ClientOptions.Builder> options) {
        return ChronicleClient.builder()
                .endpoint(fake.baseUri())
                .serviceAccountKey(keyFile)
                .options(options.apply(ClientOptions.builder().clock(clock).sleeper(sleeps::add)).build())
                .build();
    }

    /** Requests to the API itself (not the token endpoint). */
    long apiRequests() {
        return fake.requests().stream().filter(r -> r.path().startsWith("/v1/")).count();
    }

    @Override
    public void close() {
        fake.close();
    }
}
