package io.secopskit.core;

/**
 * What every SecOpsKit vendor client is: immutable, thread-safe, built by its builder, and closeable.
 * Build one client per vendor account (and region) and share it; several clients of one vendor — two
 * partner accounts, two regions — can live side by side in one application.
 *
 * <p>{@link #close()} releases what the client owns: its connection pool and dispatcher threads (none
 * when an OkHttp client was donated through {@code ClientOptions.httpClient}). Calls after close fail
 * with {@link IllegalStateException}. Closing is optional for clients that live as long as the
 * application.
 */
public interface VendorClient extends AutoCloseable {
    /**
     * Returns the vendor id, for example {@code chronicle}: the prefix of every operation name and error.
     *
     * @return the vendor id
     */
    String vendor();

    /** Releases the client's connection pool; idempotent; never throws. */
    @Override
    void close();
}
