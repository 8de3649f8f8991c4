package io.secopskit.core.internal.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.provisioning.CredentialDelivery;
import io.secopskit.core.provisioning.CredentialSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * {@link CredentialSink#ownerOnlyFiles}: {@code <dir>/<customer>/<vendor>.json}, 0600 files in 0700
 * directories, written to a temporary file created 0600, forced to disk, moved over the old file atomically,
 * then the directory forced. Internal.
 */
public final class OwnerOnlyFileSink implements CredentialSink {
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates the sink.
     *
     * @param directory the base directory
     */
    public OwnerOnlyFileSink(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        if (Files.getFileAttributeView(this.directory.getRoot(), PosixFileAttributeView.class) == null) {
            throw new IllegalArgumentException("owner-only credential files need a POSIX file system: " + this.directory);
        }
    }

    @Override
    public String name() {
        return "files:" + directory;
    }

    /**
     * Returns the file a customer's credentials at a vendor are written to.
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @return the path
     */
    public Path file(String customerCode, String vendor) {
        return directory.resolve(segment("customerCode", customerCode)).resolve(segment("vendor", vendor) + ".json");
    }

    private static String segment(String field, String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 characters of [a-z0-9-] starting with a letter to name a"
                    + " credential file");
        }
        return value;
    }

    @Override
    public void deliver(CredentialDelivery d) {
        Path target = file(d.customerCode(), d.vendor());
        ObjectNode doc = Json.mapper().createObjectNode().put("customerCode", d.customerCode()).put("vendor", d.vendor())
                .put("tenantId", d.tenantId()).put("issuedAt", d.issuedAt().toString());
        ObjectNode credentials = doc.putObject("credentials");
        d.credentials().forEach((k, v) -> credentials.put(k, v.reveal()));
        byte[] bytes;
        try {
            bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode credentials for " + target, e);
        }
        lock.lock();
        try {
            ensureOwnerOnlyDirectory(directory);
            ensureOwnerOnlyDirectory(target.getParent());
            removeOrphans(target);
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(FILE))) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.setPosixFilePermissions(tmp, FILE); // the umask cannot have widened it, but be explicit
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system cannot replace files atomically: " + target.getParent(), e);
                }
                forceDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write credentials file " + target + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    /**
     * Deletes the customer's folder (every vendor's file, overwritten with zeros first) and flushes the parent
     * directory; true also when there was nothing.
     */
    @Override
    public boolean forget(String customerCode) {
        Path dir = directory.resolve(segment("customerCode", customerCode));
        lock.lock();
        try {
            if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("not a directory (or a symbolic link): " + dir);
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        long size = Files.size(p);
                        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
                            for (long written = 0; written < size; ) {
                                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                                written += ch.write(zeros, written);
                            }
                            ch.force(true);
                        }
                    }
                    Files.delete(p);
                }
            }
            Files.delete(dir);
            forceDirectory(directory);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the credentials of customer " + customerCode + " in " + dir + ": "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes temporary files of this target left by a killed writer (older than an hour: never one in flight). */
    private static void removeOrphans(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - 3_600_000L;
        try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".tmp") && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void ensureOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
                Files.setPosixFilePermissions(dir, DIR);
                forceDirectory(dir.getParent());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it; checked below
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory (or a symbolic link): " + dir);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new IOException("credential directory " + dir + " is accessible by group or others ("
                        + PosixFilePermissions.toString(perms) + "); make it owner-only (chmod 700)");
            }
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for reading; the rename itself is still atomic
        }
    }

    /**
     * Reads a delivered file back (for tools and tests).
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @return the file's text
     * @throws IOException if it cannot be read
     */
    public String read(String customerCode, String vendor) throws IOException {
        return new String(Files.readAllBytes(file(customerCode, vendor)), StandardCharsets.UTF_8);
    }
}
