package io.secopskit.store.sqlite;

import io.secopskit.testkit.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiProcessLeaseTest {
    /** 500 per JVM is the measure (profile heavy); the default suite runs 150 (about 3 s). */
    static final int PER_JVM = Boolean.getBoolean("secopskit.heavy") ? 500 : 150;

    @TempDir
    Path dir;

    @Test
    void tryAcquire_fromTwoJvmsHammeringOneCustomer_neverSurfacesBusy_andFencesStrictlyIncrease() throws Exception {
        Path db = dir.resolve("race.db");
        Path ready = Files.createDirectory(dir.resolve("ready"));
        SqliteProvisioningStore.open(db).close(); // create the schema once
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                children.add(ChildJvm.start(ChildJvm.java(), LeaseHammer.class, db.toString(), "acme", Integer.toString(PER_JVM),
                        ready.toString(), "2"));
            }
            List<List<Long>> fences = new ArrayList<>();
            for (ChildJvm c : children) {
                assertEquals(0, c.waitFor(120), String.join("\n", c.output()));
                System.out.println("lease race: " + c.output().stream().filter(l -> l.startsWith("ATTEMPTS")).findFirst().orElse("?")
                        + " for " + PER_JVM + " acquisitions");
                assertTrue(c.output().contains("DONE"), String.join("\n", c.output()));
                assertTrue(c.output().stream().noneMatch(l -> l.contains("BUSY") || l.startsWith("ERROR")), String.join("\n", c.output()));
                fences.add(c.output().stream().filter(l -> l.startsWith("FENCE ")).map(l -> Long.parseLong(l.substring(6)))
                        .collect(Collectors.toList()));
            }
            for (List<Long> f : fences) {
                assertEquals(PER_JVM, f.size());
                for (int i = 1; i < f.size(); i++) {
                    assertTrue(f.get(i) > f.get(i - 1), "fences strictly increase within a JVM: " + f.get(i - 1) + " then " + f.get(i));
                }
            }
            Set<Long> all = new TreeSet<>();
            fences.forEach(all::addAll);
            assertEquals(LongStream.rangeClosed(1, 2L * PER_JVM).boxed().collect(Collectors.toSet()), all,
                    "every acquisition got its own fence, none twice, none skipped");
            try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
                List<Long> journaled = store.journal().entries("acme").stream().map(e -> Long.parseLong(e.detail("fence")))
                        .collect(Collectors.toList());
                assertEquals(2 * PER_JVM, journaled.size(), "no journal entry written under a lease was lost");
                for (int i = 1; i < journaled.size(); i++) {
                    assertTrue(journaled.get(i) > journaled.get(i - 1), "entries were written in fence order");
                }
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
    }
}
