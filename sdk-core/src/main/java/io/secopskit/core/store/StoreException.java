package io.secopskit.core.store;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;

/**
 * A provisioning store could not be read or written (the database is unreachable, the disk is full, the
 * file is locked by a foreign program). Nothing was written by the failed call. The message names the
 * store and the operation, never a secret.
 */
public class StoreException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param operation what the store was doing, for example {@code lease.acquire}
     * @param message   what went wrong and where (store location)
     * @param cause     the underlying cause, or null
     */
    public StoreException(String operation, String message, Throwable cause) {
        super(ErrorInfo.of("store", operation).withVendorMessage(message).withRetryable(true), cause);
    }
}
