package io.secopskit.store.postgres.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Checks values before they reach the database (so bad input fails before any statement is sent, naming the field
 * and the rule) and converts times: PostgreSQL keeps {@code timestamptz} to the microsecond, so instants are
 * truncated to microseconds on the way in and the store answers with the truncated value. Internal.
 */
public final class Values {
    /** The longest key a store accepts (customer code, vendor id, quota key): far below PostgreSQL's index-row limit. */
    public static final int MAX_KEY_LENGTH = 512;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Values() {
    }

    /**
     * Checks a key: present, not blank, at most {@link #MAX_KEY_LENGTH} characters, no NUL.
     *
     * @param field the field name, for the message
     * @param value the value
     * @return the value
     */
    public static String key(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_KEY_LENGTH + " characters: " + value.length());
        }
        return text(field, value);
    }

    /**
     * Checks a text that PostgreSQL must store: no NUL character (PostgreSQL text and jsonb cannot hold one).
     *
     * @param field the field name
     * @param value the value, or null
     * @return the value
     */
    public static String text(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain a NUL character (PostgreSQL text cannot hold one)");
        }
        return value;
    }

    /**
     * Checks every key and value of a details map.
     *
     * @param field   the field name
     * @param details the map
     * @return the map
     */
    public static Map<String, String> details(String field, Map<String, String> details) {
        details.forEach((k, v) -> {
            text(field + " key", k);
            text(field + "[" + k + "]", v);
        });
        return details;
    }

    /**
     * Truncates an instant to what the database keeps, checking the range.
     *
     * @param field the field name
     * @param value the instant
     * @return the instant to the microsecond
     */
    public static Instant time(String field, Instant value) {
        Objects.requireNonNull(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new IllegalArgumentException(field + " must lie between years 1 and 9999: " + value);
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Binds an instant (already checked) as {@code timestamptz}, or SQL NULL.
     *
     * @param s     the statement
     * @param index the parameter index
     * @param value the instant, or null
     * @throws SQLException on driver errors
     */
    public static void setTime(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /**
     * Reads a {@code timestamptz} column.
     *
     * @param rs    the row
     * @param index the column
     * @return the instant, or null
     * @throws SQLException on driver errors
     */
    public static Instant getTime(ResultSet rs, int index) throws SQLException {
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
