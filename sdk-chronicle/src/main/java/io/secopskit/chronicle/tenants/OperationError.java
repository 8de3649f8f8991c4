package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.Beta;
import java.util.List;

/**
 * The {@code error} of a finished long-running operation (a {@code google.rpc.Status}).
 *
 * @param code    the canonical code number, for example 13
 * @param message the message Google sent, or null
 */
@Beta
public record OperationError(@JsonProperty("code") int code, @JsonProperty("message") String message) {
    private static final List<String> NAMES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
            "DATA_LOSS", "UNAUTHENTICATED");

    /**
     * Returns the canonical name of {@link #code()}, for example {@code INTERNAL}, or {@code CODE_<n>} when unknown.
     *
     * @return the canonical name of {@link #code()}, for example {@code INTERNAL}, or {@code CODE_<n>} when unknown
     */
    public String statusName() {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : "CODE_" + code;
    }
}
