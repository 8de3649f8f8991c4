package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume from an operation name after the process that created the tenant died: a real second JVM. */
class TenantRestartTest {
    @TempDir
    Path dir;
    TenantServiceTestSupport env;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void getOperation_afterTheCreatingJvmWasKilled_resumesFromTheNameAndGetsTheTenant() throws Exception {
        env.fake.runningPolls(3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CreateThenDie.class.getName(), env.fake.baseUri().toString(), env.keyFile.toString(),
                env.fake.partnerInstance(), "acme").redirectErrorStream(true).start();
        String name = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("OPERATION ")) {
                    name = line.substring("OPERATION ".length());
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not end");
        assertEquals(137, child.exitValue(), output.toString());
        assertTrue(name != null, "child printed no operation name: " + output);
        assertEquals(1, env.polls().size(), "the child polled once before dying");

        TenantServiceClient restarted = env.client();
        Tenant tenant = restarted.operations().get(name).await(Duration.ofMinutes(10));

        assertEquals("acme", tenant.customerCode());
        assertTrue(tenant.isActive());
        assertEquals(1, env.fake.tenantCount());
        assertEquals(1, env.api("POST", "/tenants").size(), "the restarted process never creates");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), env.sleeps);
        assertEquals(4, env.polls().size());
    }
}
