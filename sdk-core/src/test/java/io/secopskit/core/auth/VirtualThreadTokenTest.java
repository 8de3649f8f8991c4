package io.secopskit.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Amendment 17: 64 virtual threads sharing one client against a slow token endpoint send exactly one token
 * request and all complete — the token cache blocks on a ReentrantLock and a future, never on a monitor,
 * so waiting virtual threads unmount. Runs on JDKs with virtual threads (21+; the JDK 25 test run);
 * skipped on 17.
 */
class VirtualThreadTokenTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();

    @Test
    void sixtyFourVirtualThreads_slowTokenEndpoint_oneTokenRequest_allComplete() throws Exception {
        ExecutorService pool = virtualThreadPerTaskExecutor();
        assumeTrue(pool != null, "virtual threads need JDK 21+");
        try (FakeOAuth2Server server = new FakeOAuth2Server()) {
            server.start();
            server.issuer().client("cid", "csecret");
            server.stub("GET", "/things", r -> FakeResponse.json(200, "{}"));
            server.faults().nextCalls(1, "POST", FakeOAuth2Server.TOKEN_PATH).delay(Duration.ofMillis(800));
            VendorPipeline p = VendorPipeline.builder("acme").endpoint(server.baseUri())
                    .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                            .credentials("cid", Secret.of("csecret")).build())
                    .options(ClientOptions.defaults()).build();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Callable<Integer> task = () -> {
                    start.await();
                    return p.execute(ApiRequest.of(GET).build()).status();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(200, f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, server.requests("POST", FakeOAuth2Server.TOKEN_PATH).size());
            assertEquals(64, server.requests("GET", "/things").size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExecutorService virtualThreadPerTaskExecutor() {
        try {
            return (ExecutorService) java.util.concurrent.Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
