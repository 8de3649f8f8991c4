package io.secopskit.taegis;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import java.util.List;
import java.util.Objects;

/**
 * The Tenants API answered with a non-empty GraphQL {@code errors} array — with HTTP 200 and even when part of
 * the data came back. Carries every error's message, path and {@code extensions.code}. {@link #vendorCode()}
 * is the first error's {@code extensions.code} when it has one, else {@code GRAPHQL_ERRORS}; an error without
 * a message is described by its code. When the errors say the caller is not authorized, the message adds a
 * hint: the token was accepted, so it is the client's permissions, not its credentials, that fall short.
 */
public class TaegisGraphQLException extends SecOpsException {
    /** The vendor code when no error carries an {@code extensions.code}. */
    public static final String GRAPHQL_ERRORS = "GRAPHQL_ERRORS";

    private final List<GraphQLError> errors;

    /**
     * One GraphQL error.
     *
     * @param message the message, or null when the server sent none
     * @param path    the response path it refers to (names and indexes), empty when none
     * @param code    its {@code extensions.code}, or null
     */
    public record GraphQLError(String message, List<Object> path, String code) {
        /**
         * Copies the path.
         *
         * @param message the message, or null
         * @param path    the response path, or null
         * @param code    the {@code extensions.code}, or null
         */
        public GraphQLError {
            path = path == null ? List.of() : List.copyOf(path);
        }

        /**
         * Describes the error for a message: its text, else its code, with its path.
         *
         * @return the description
         */
        public String describe() {
            String text = message != null && !message.isBlank() ? message
                    : code != null ? code + " (no message)" : "(no message)";
            return text + (path.isEmpty() ? "" : " at " + path);
        }
    }

    /**
     * Creates the exception.
     *
     * @param info   vendor, operation, status, host, request id, code and the text (see {@link #vendorCode()})
     * @param errors the errors, at least one
     */
    public TaegisGraphQLException(ErrorInfo info, List<GraphQLError> errors) {
        super(info);
        this.errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /**
     * Returns every GraphQL error, in order.
     *
     * @return the errors
     */
    public List<GraphQLError> errors() {
        return errors;
    }
}
