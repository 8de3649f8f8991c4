package io.secopskit.taegis;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Tenants API answered with a non-empty GraphQL {@code errors} array — with HTTP 200 and even when
 * part of the data came back. Carries every error's message and path.
 */
public class TaegisGraphQLException extends SecOpsException {
    private final List<GraphQLError> errors;

    /**
     * One GraphQL error.
     *
     * @param message the message
     * @param path    the response path it refers to (names and indexes), empty when none
     */
    public record GraphQLError(String message, List<Object> path) {
        /** Copies the path. */
        public GraphQLError {
            path = path == null ? List.of() : List.copyOf(path);
        }
    }

    /**
     * Creates the exception.
     *
     * @param operation  the operation name
     * @param httpStatus the HTTP status
     * @param requestId  the request id, or null
     * @param errors     the errors, at least one
     */
    public TaegisGraphQLException(String operation, int httpStatus, String requestId, List<GraphQLError> errors) {
        super(new ErrorInfo("taegis", operation, httpStatus, "GRAPHQL_ERRORS",
                errors.stream().map(e -> e.message() + (e.path().isEmpty() ? "" : " at " + e.path()))
                        .collect(Collectors.joining("; ")), requestId, false));
        this.errors = List.copyOf(errors);
    }

    /** Returns every GraphQL error, in order. */
    public List<GraphQLError> errors() {
        return errors;
    }
}
