package io.secopskit.core.spi;

import io.secopskit.core.error.SecOpsException;

/** Turns a vendor's error answer into a typed exception. One per vendor module. */
@FunctionalInterface
@io.secopskit.core.Beta
public interface ErrorDecoder {
    /**
     * Decodes an error answer.
     *
     * @param response the answer
     * @return the exception to throw
     */
    SecOpsException decode(ErrorResponse response);

    /**
     * Adds a vendor-specific hint to a transport failure (no answer arrived): for example naming the region
     * or environment setting when a host does not resolve. The pipeline appends it to the message.
     *
     * @param operation the operation
     * @param host      the host that could not be reached
     * @param failure   the failure
     * @return a hint in plain words, or null for none
     */
    default String transportHint(io.secopskit.core.http.Operation operation, String host, Throwable failure) {
        return null;
    }
}
