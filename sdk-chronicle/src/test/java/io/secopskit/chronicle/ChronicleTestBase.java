package io.secopskit.chronicle;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh FakeChronicle, key file and client per test. */
abstract class ChronicleTestBase {
    @TempDir
    Path dir;
    ChronicleTestSupport env;
    CustomersClient customers;

    @BeforeEach
    void startFake() throws Exception {
        env = new ChronicleTestSupport(dir);
        customers = env.client().customers();
    }

    @AfterEach
    void stopFake() {
        env.close();
    }
}
