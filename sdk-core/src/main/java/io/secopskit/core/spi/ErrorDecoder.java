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
}
