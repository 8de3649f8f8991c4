package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserAgentTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private final OpenFake fake = new OpenFake().stub("GET", "/things", r -> FakeResponse.json(200, "{}"));

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void userAgent_namesSdkAndJavaVersions_plusApplicationId() {
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().applicationId("acme-soc/2.1").build()).build();

        p.execute(ApiRequest.of(GET).build());

        String ua = fake.lastRequest().header("User-Agent");
        assertTrue(ua.matches("secopskit/[0-9A-Za-z.\\-]+ java/\\S+ acme-soc/2\\.1"), ua);
        assertEquals("application/json", fake.lastRequest().header("Accept"));
    }

    @Test
    void applicationId_withSpaces_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().applicationId("acme soc"));
    }
}
