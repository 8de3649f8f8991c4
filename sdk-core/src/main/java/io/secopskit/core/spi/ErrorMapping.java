package io.secopskit.core.spi;

import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import java.time.Duration;

/** Chooses the exception type for an HTTP status (or a Google canonical status). */
@io.secopskit.core.Beta
public final class ErrorMapping {
    private ErrorMapping() {
    }

    /**
     * Returns whether a status is transient (the same request may succeed later).
     *
     * @param status HTTP status
     * @return true for 408, 429 and 5xx
     */
    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * Builds the exception for {@code info.httpStatus()}.
     *
     * @param info       what is known
     * @param retryAfter the {@code Retry-After} delay, or null
     * @return the exception
     */
    public static SecOpsException forStatus(ErrorInfo info, Duration retryAfter) {
        int status = info.httpStatus();
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(info);
            case 401 -> new AuthenticationException(info);
            case 403 -> new PermissionDeniedException(info);
            case 404, 410 -> new NotFoundException(info);
            case 409 -> new ConflictException(info);
            case 429 -> new RateLimitedException(info, retryAfter);
            case 408 -> new TransportException(info);
            default -> status >= 500 ? new ServerException(info)
                    : status >= 400 ? new InvalidRequestException(info) : new SecOpsException(info);
        };
    }

    /**
     * Maps a canonical Google-style status name (also used by several other vendors) to an exception.
     *
     * @param info       what is known; {@code info.vendorCode()} is the status name
     * @param retryAfter the {@code Retry-After} delay, or null
     * @return the exception, chosen by name first and by HTTP status when the name is unknown
     */
    public static SecOpsException forCanonicalStatus(ErrorInfo info, Duration retryAfter) {
        String code = info.vendorCode();
        if (code == null) {
            return forStatus(info, retryAfter);
        }
        return switch (code) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> new InvalidRequestException(info);
            case "UNAUTHENTICATED" -> new AuthenticationException(info);
            case "PERMISSION_DENIED" -> new PermissionDeniedException(info);
            case "NOT_FOUND" -> new NotFoundException(info);
            case "ALREADY_EXISTS", "ABORTED" -> new ConflictException(info);
            case "RESOURCE_EXHAUSTED" -> new RateLimitedException(info, retryAfter);
            case "UNAVAILABLE", "INTERNAL", "UNKNOWN", "DATA_LOSS" -> new ServerException(info);
            case "DEADLINE_EXCEEDED" -> new TransportException(info);
            default -> forStatus(info, retryAfter);
        };
    }
}
