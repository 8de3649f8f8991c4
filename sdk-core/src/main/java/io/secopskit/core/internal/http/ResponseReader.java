package io.secopskit.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.internal.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one place that reads 2xx bodies and turns an unreadable one into a typed error: bodies are
 * streamed through a size limit (never buffered whole unless asked), a non-JSON content type, an empty
 * body, a JSON {@code null} where a value is expected, truncated or malformed JSON and oversized answers
 * all become {@link ServerException}s with a code ({@code UNEXPECTED_CONTENT_TYPE}, {@code EMPTY_BODY},
 * {@code UNREADABLE_BODY}, {@code RESPONSE_TOO_LARGE}, {@code MISSING_FIELD}) naming vendor, operation
 * and host. Internal.
 */
public final class ResponseReader {
    private static final Map<JavaType, ObjectReader> READERS = new ConcurrentHashMap<>();

    private ResponseReader() {
    }

    /** Thrown by the limiting stream when an answer passes the size limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLargeException(long limit) {
            super("response body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /**
     * Streams a JSON body into a type.
     *
     * @param op        the operation
     * @param host      the host
     * @param response  the 2xx answer
     * @param type      the target type
     * @param maxBytes  the size limit
     * @param requestId the vendor's request id, or null
     * @param counter   receives the bytes read, or null
     * @param <T>       the type
     * @return the value, never null
     * @throws IOException when the connection fails while reading (the caller decides on a retry)
     */
    static <T> T readJson(Operation op, String host, Response response, JavaType type, long maxBytes, String requestId,
                          long[] counter) throws IOException {
        ResponseBody body = response.body();
        String contentType = response.header("Content-Type");
        checkContentType(op, host, response.code(), contentType, requestId, body.contentLength());
        checkLength(op, host, response.code(), requestId, body.contentLength(), maxBytes);
        LimitedStream in = new LimitedStream(body.byteStream(), maxBytes);
        try (in) {
            T value = reader(type).readValue(in);
            if (value == null) {
                throw error(op, host, response.code(), requestId, "EMPTY_BODY",
                        "expected " + describe(type) + " but the answer was JSON null", null);
            }
            return value;
        } catch (TooLargeException e) {
            throw tooLarge(op, host, response.code(), requestId, e.limit);
        } catch (MismatchedInputException e) {
            boolean empty = in.count == 0 || e.getMessage() != null && e.getMessage().startsWith("No content");
            throw error(op, host, response.code(), requestId, empty ? "EMPTY_BODY" : "UNREADABLE_BODY",
                    empty ? "expected " + describe(type) + " but the answer was empty"
                            : "could not read the answer as " + describe(type) + ": " + shortMessage(e), null);
        } catch (JsonProcessingException e) {
            throw error(op, host, response.code(), requestId, "UNREADABLE_BODY",
                    "could not read the answer as " + describe(type) + " (malformed or truncated JSON): "
                            + shortMessage(e), null);
        } finally {
            if (counter != null) {
                counter[0] = in.count;
            }
        }
    }

    /**
     * Reads a body whole, within the size limit.
     *
     * @param op        the operation
     * @param host      the host
     * @param response  the answer
     * @param maxBytes  the size limit
     * @param requestId the request id, or null
     * @return the bytes
     * @throws IOException when the connection fails while reading
     */
    static byte[] readBytes(Operation op, String host, Response response, long maxBytes, String requestId)
            throws IOException {
        ResponseBody body = response.body();
        checkLength(op, host, response.code(), requestId, body.contentLength(), maxBytes);
        try (LimitedStream in = new LimitedStream(body.byteStream(), maxBytes)) {
            return in.readAllBytes();
        } catch (TooLargeException e) {
            throw tooLarge(op, host, response.code(), requestId, e.limit);
        }
    }

    /**
     * Parses bytes as a JSON tree with the typed errors.
     *
     * @param op          the operation
     * @param host        the host
     * @param status      the status
     * @param contentType the content type, or null
     * @param requestId   the request id, or null
     * @param body        the bytes
     * @return the root, never JSON null
     */
    public static JsonNode tree(Operation op, String host, int status, String contentType, String requestId, byte[] body) {
        checkContentType(op, host, status, contentType, requestId, body.length);
        if (body.length == 0) {
            throw error(op, host, status, requestId, "EMPTY_BODY", "expected a JSON body but the answer was empty", null);
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root == null || root.isNull() || root.isMissingNode()) {
                throw error(op, host, status, requestId, "EMPTY_BODY", "expected a JSON body but the answer was "
                        + (root == null || root.isMissingNode() ? "empty" : "JSON null"), null);
            }
            return root;
        } catch (IOException e) {
            throw error(op, host, status, requestId, "UNREADABLE_BODY", "the answer is not valid JSON: "
                    + shortMessage(e), null);
        }
    }

    /**
     * Converts a node into a type with the typed error.
     *
     * @param op        the operation
     * @param host      the host
     * @param status    the status
     * @param requestId the request id, or null
     * @param node      the node
     * @param type      the type
     * @param <T>       the type
     * @return the value
     */
    public static <T> T convert(Operation op, String host, int status, String requestId, JsonNode node, Class<T> type) {
        try {
            T value = Json.mapper().treeToValue(node, type);
            if (value == null) {
                throw error(op, host, status, requestId, "EMPTY_BODY", "expected " + type.getSimpleName()
                        + " but the answer held JSON null", null);
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw error(op, host, status, requestId, "UNREADABLE_BODY", "could not read the answer as "
                    + type.getSimpleName() + ": " + shortMessage(e), null);
        }
    }

    /**
     * The error for a field a successful answer must carry but does not.
     *
     * @param op        the operation
     * @param host      the host
     * @param status    the status
     * @param requestId the request id, or null
     * @param field     the field
     * @return the exception
     */
    public static ServerException missingField(Operation op, String host, int status, String requestId, String field) {
        return error(op, host, status, requestId, "MISSING_FIELD", "the answer has no '" + field
                + "' (HTTP " + status + " without the expected content)", null);
    }

    /**
     * The one constructor of body errors.
     *
     * @param op        the operation
     * @param host      the host, or null
     * @param status    the status
     * @param requestId the request id, or null
     * @param code      the SDK's code
     * @param message   what is wrong (never a body value)
     * @param cause     the cause, or null
     * @return the exception
     */
    public static ServerException error(Operation op, String host, int status, String requestId, String code,
                                        String message, Throwable cause) {
        return new ServerException(new ErrorInfo(op.vendor(), op.name(), status, code, message, requestId, false, host),
                cause);
    }

    private static ServerException tooLarge(Operation op, String host, int status, String requestId, long limit) {
        return error(op, host, status, requestId, "RESPONSE_TOO_LARGE", "the answer is larger than the limit of "
                + limit + " bytes (ClientOptions.maxResponseBytes); not read", null);
    }

    private static void checkContentType(Operation op, String host, int status, String contentType, String requestId,
                                         long length) {
        if (contentType != null && length != 0 && !containsIgnoreCase(contentType, "json")) {
            String hint = contentType.toLowerCase(Locale.ROOT).contains("html")
                    ? " (an HTML page: a login, proxy or maintenance page — check the endpoint)" : "";
            throw error(op, host, status, requestId, "UNEXPECTED_CONTENT_TYPE", "expected a JSON body but got "
                    + contentType.split(";")[0].trim() + hint, null);
        }
    }

    /** Allocation-free case-insensitive search (this runs on every call). */
    private static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    private static void checkLength(Operation op, String host, int status, String requestId, long length, long max) {
        if (length > max) {
            throw tooLarge(op, host, status, requestId, max);
        }
    }

    private static ObjectReader reader(JavaType type) {
        return READERS.computeIfAbsent(type, t -> Json.mapper().readerFor(t));
    }

    private static String describe(JavaType type) {
        return type.getRawClass().getSimpleName();
    }

    /** Describes a parse failure by type, field path and position only: body text (maybe secret) is never quoted. */
    private static String shortMessage(Exception e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            sb.append(" at ");
            for (var ref : mie.getPath()) {
                sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            sb.append(" (line ").append(jpe.getLocation().getLineNr()).append(", column ")
                    .append(jpe.getLocation().getColumnNr()).append(')');
        }
        return sb.toString();
    }

    /** Counts bytes and fails once more than the limit has been read. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
