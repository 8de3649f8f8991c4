package io.secopskit.opentelemetry;

import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Turns outcomes into {@code error.type} values: an HTTP status code as a string, or an exception's class name.
 * Never a message: messages can echo ids, names or vendor text.
 */
final class ErrorTypes {
    private static final Pattern REASON = Pattern.compile("HTTP [0-9]{3}|[A-Za-z_$][A-Za-z0-9_$.]{0,99}");

    private ErrorTypes() {
    }

    /**
     * The {@code error.type} of one HTTP exchange (an attempt or a token request), as the HTTP conventions
     * define it.
     *
     * @param status  the status of the answer to this exchange, or 0 when none arrived
     * @param failure what failed the exchange, or null
     * @return the status code for 4xx and 5xx answers, else the failure's class name (an I/O failure's own
     *         class, not the wrapper's), else null
     */
    static String ofExchange(int status, Throwable failure) {
        if (status >= 400) {
            return Integer.toString(status);
        }
        return failure == null ? null : unwrap(failure).getClass().getName();
    }

    /**
     * The {@code error.type} of a call as the caller sees it: the class of the exception it receives.
     *
     * @param failure the exception
     * @return its class name
     */
    static String ofCall(Throwable failure) {
        return failure.getClass().getName();
    }

    /**
     * The status a failed exchange was answered with, when the failure carries one.
     *
     * @param failure the failure, or null
     * @return the status, or 0
     */
    static int statusOf(Throwable failure) {
        return failure instanceof SecOpsException se ? Math.max(se.httpStatus(), 0) : 0;
    }

    /**
     * A retry reason from the pipeline ({@code HTTP 503}, {@code SocketTimeoutException}), kept only when it has
     * that shape.
     *
     * @param reason the reason
     * @return the reason, or {@code _OTHER}
     */
    static String reason(String reason) {
        return reason != null && REASON.matcher(reason).matches() ? reason : "_OTHER";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure.getCause();
        if (failure instanceof UncheckedIOException && cause != null) {
            return cause;
        }
        if (failure instanceof TransportException && cause instanceof IOException) {
            return cause;
        }
        return failure;
    }
}
