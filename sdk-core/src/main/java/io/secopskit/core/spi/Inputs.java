package io.secopskit.core.spi;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;

/**
 * The one validator for caller input that ends up in a request's target or headers, so that no value can
 * change where a request goes: path parameters, query values and header values. {@link ApiRequest}
 * applies it to every value it is given; vendor modules call it for their own fields. Every refusal is a
 * {@link ValidationException} naming the field and the rule, raised before anything is sent, and quoting
 * at most {@value #QUOTE_LIMIT} characters of the input with control characters escaped.
 */
@Beta
public final class Inputs {
    /** The longest id accepted in a path segment. */
    public static final int MAX_ID_LENGTH = 512;
    /** The longest query or header value accepted. */
    public static final int MAX_VALUE_LENGTH = 8192;
    /** How many characters of a refused value a message quotes. */
    public static final int QUOTE_LIMIT = 64;

    private Inputs() {
    }

    /**
     * Checks an id placed in one path segment: not empty, not {@code .} or {@code ..} (which would move
     * the request to another path), no control characters, at most {@value #MAX_ID_LENGTH} characters.
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param field     the parameter's name
     * @param value     the value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String requireId(String vendor, String operation, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(vendor, operation, field, "is required and must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new ValidationException(vendor, operation, field, "must not be " + quote(value)
                    + " (a dot segment would change the request's path)");
        }
        requireNoControl(vendor, operation, field, value);
        if (value.length() > MAX_ID_LENGTH) {
            throw new ValidationException(vendor, operation, field, "must be at most " + MAX_ID_LENGTH
                    + " characters (got " + value.length() + ": " + quote(value) + ")");
        }
        return value;
    }

    /**
     * Checks an id more strictly than {@link #requireId}: also no {@code /}, {@code \\} or whitespace — for
     * vendors whose ids never contain them, so a caller's typo is refused before sending.
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param field     the parameter's name
     * @param value     the value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String requireStrictId(String vendor, String operation, String field, String value) {
        requireId(vendor, operation, field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isWhitespace(c)) {
                throw new ValidationException(vendor, operation, field, "must not contain '/', '\\' or whitespace (got "
                        + quote(value) + ")");
            }
        }
        return value;
    }

    /**
     * Returns whether a host counts as loopback for the https rule: exactly {@code localhost}, an address
     * in 127.0.0.0/8, or {@code ::1}.
     *
     * @param host the host
     * @return true for loopback
     */
    public static boolean isLoopbackHost(String host) {
        return io.secopskit.core.internal.http.Hosts.isLoopback(host);
    }

    /**
     * Checks a query or header value: no control characters (CR and LF included), at most
     * {@value #MAX_VALUE_LENGTH} characters.
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param field     the parameter's or header's name
     * @param value     the value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String requireValue(String vendor, String operation, String field, String value) {
        requireNoControl(vendor, operation, field, value);
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new ValidationException(vendor, operation, field, "must be at most " + MAX_VALUE_LENGTH
                    + " characters (got " + value.length() + ")");
        }
        return value;
    }

    /**
     * Checks that a value holds no control characters (C0, DEL, C1, line and paragraph separators).
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param field     the field's name
     * @param value     the value
     * @return the value
     * @throws ValidationException if it does
     */
    public static String requireNoControl(String vendor, String operation, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                throw new ValidationException(vendor, operation, field, "must not contain control characters (got "
                        + quote(value) + ")");
            }
        }
        return value;
    }

    /**
     * Returns whether a character is a control character for these rules.
     *
     * @param c the character
     * @return true for C0 controls, DEL, C1 controls, U+2028 and U+2029
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /**
     * Quotes a value for an error message: at most {@value #QUOTE_LIMIT} characters, control characters
     * escaped as {@code \\uXXXX}, an ellipsis when cut.
     *
     * @param value the value, or null
     * @return the quoted text
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), QUOTE_LIMIT) + 8).append('"');
        int n = Math.min(value.length(), QUOTE_LIMIT);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (value.length() > QUOTE_LIMIT) {
            sb.append("… (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }
}
