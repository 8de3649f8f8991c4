package io.secopskit.core.internal.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code Retry-After} (delay seconds or an HTTP date) safely: any value a server sends gives a
 * delay between zero and the cap, or null when it cannot be read — never an exception, never a wait past
 * the cap. Internal.
 */
public final class RetryAfter {
    /** The header name under which the pipeline keeps the server's value away from OkHttp's own follow-up logic. */
    static final String HIDDEN_HEADER = "X-SecOpsKit-Retry-After";

    private RetryAfter() {
    }

    /**
     * A parsed delay.
     *
     * @param delay   the delay, within [0, cap]
     * @param clamped whether the server asked for longer than the cap
     * @param raw     the header value as sent
     */
    public record Parsed(Duration delay, boolean clamped, String raw) {
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value the header value, or null
     * @param now   the current time, for the HTTP-date form
     * @param cap   the longest delay honoured
     * @return the delay, or null when absent, negative, or unreadable
     */
    public static Parsed parse(String value, Instant now, Duration cap) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() <= 40 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than a long holds, or more seconds than the cap: the cap
            long capSeconds = Math.max(0, cap.getSeconds());
            String digits = v.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 18 || Long.parseLong(digits) > capSeconds) {
                return new Parsed(cap, true, value);
            }
            return new Parsed(Duration.ofSeconds(Long.parseLong(digits)), false, value);
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (!at.isAfter(now)) {
                return new Parsed(Duration.ZERO, false, value);
            }
            Duration d = Duration.between(now, at);
            return d.compareTo(cap) > 0 ? new Parsed(cap, true, value) : new Parsed(d, false, value);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
