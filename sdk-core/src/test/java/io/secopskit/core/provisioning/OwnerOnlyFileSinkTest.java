package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Secret;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileSinkTest {
    @TempDir
    Path dir;

    static CredentialDelivery delivery(String code, String value) {
        return new CredentialDelivery(code, "chronicle", code, Map.of("BACKSTORY_API", Secret.of(value)),
                Instant.parse("2026-11-02T08:00:00Z"));
    }

    @Test
    void deliver_writesAnOwnerOnlyFileInOwnerOnlyDirectories_andReplacesItOnRedelivery() throws Exception {
        Path base = dir.resolve("creds");
        CredentialSink sink = CredentialSink.ownerOnlyFiles(base);

        sink.deliver(delivery("acme", "first-value"));
        sink.deliver(delivery("acme", "second-value"));

        Path file = base.resolve("acme").resolve("chronicle.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("acme"))));
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertEquals("second-value", doc.path("credentials").path("BACKSTORY_API").asText());
        assertEquals("acme", doc.path("customerCode").asText());
        assertEquals("2026-11-02T08:00:00Z", doc.path("issuedAt").asText());
        try (Stream<Path> files = Files.list(base.resolve("acme"))) {
            assertEquals("chronicle.json", files.map(p -> p.getFileName().toString()).collect(Collectors.joining(",")),
                    "no temporary file left");
        }
        assertEquals("files:" + base.toAbsolutePath(), sink.name());
    }

    @Test
    void deliver_refusesADirectoryThatGroupOrOthersCanRead_withoutWritingAnything() throws Exception {
        Path base = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-x---"));
        CredentialSink sink = CredentialSink.ownerOnlyFiles(base);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sink.deliver(delivery("acme", "value-x")));

        assertTrue(e.getMessage().contains("accessible by group or others"), e.getMessage());
        assertFalse(e.getMessage().contains("value-x"));
        assertFalse(Files.exists(base.resolve("acme")));
    }

    @Test
    void deliver_rejectsPathTraversalInTheCustomerCodeOrVendor() {
        CredentialSink sink = CredentialSink.ownerOnlyFiles(dir);
        CredentialDelivery traversal = new CredentialDelivery("../etc", "chronicle", "x", Map.of("k", Secret.of("v")), Instant.EPOCH);
        CredentialDelivery badVendor = new CredentialDelivery("acme", "a/b", "x", Map.of("k", Secret.of("v")), Instant.EPOCH);

        assertThrows(IllegalArgumentException.class, () -> sink.deliver(traversal));
        assertThrows(IllegalArgumentException.class, () -> sink.deliver(badVendor));
    }

    @Test
    void deliver_removesTemporaryFilesThatAKilledWriterLeftBehind() throws Exception {
        CredentialSink sink = CredentialSink.ownerOnlyFiles(dir.resolve("c"));
        sink.deliver(delivery("acme", "v1"));
        Path orphan = dir.resolve("c/acme/.chronicle.json.0b5e.tmp");
        Files.writeString(orphan, "half");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minusSeconds(7200)));
        Path fresh = dir.resolve("c/acme/.chronicle.json.9a1f.tmp");
        Files.writeString(fresh, "in flight");

        sink.deliver(delivery("acme", "v2"));

        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(fresh), "a temporary file that may still be in flight is left alone");
    }

    @Test
    void deliveryToString_neverShowsAValue() {
        assertFalse(delivery("acme", "hunter2-value").toString().contains("hunter2"));
    }
}
