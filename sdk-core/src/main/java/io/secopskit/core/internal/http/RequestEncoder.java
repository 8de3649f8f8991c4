package io.secopskit.core.internal.http;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.spi.ApiRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Turns an {@link ApiRequest} into an OkHttp request: the operation's host, its path template with each
 * parameter encoded as one segment, the query, {@code Accept} and {@code User-Agent}, the JSON or form
 * body, and the tags the later steps read. Bodies of operations that are not idempotent are one-shot, so
 * OkHttp itself never repeats them. Immutable and thread-safe. Internal.
 */
public final class RequestEncoder {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] EMPTY = new byte[0];

    private final String vendor;
    private final HttpUrl defaultHost;
    private final Map<String, HttpUrl> hosts;
    private final String userAgent;

    /**
     * Creates an encoder.
     *
     * @param vendor      vendor id
     * @param defaultHost the host of operations without a host kind
     * @param hosts       hosts by kind
     * @param userAgent   the {@code User-Agent} value
     */
    public RequestEncoder(String vendor, HttpUrl defaultHost, Map<String, HttpUrl> hosts, String userAgent) {
        this.vendor = vendor;
        this.defaultHost = defaultHost;
        this.hosts = Map.copyOf(hosts);
        this.userAgent = userAgent;
    }

    /**
     * Returns the host an operation is sent to.
     *
     * @param op the operation
     * @return the base URL
     */
    public HttpUrl base(Operation op) {
        HttpUrl base = op.host() == null ? defaultHost : hosts.get(op.host());
        if (base == null) {
            throw new IllegalStateException("no endpoint configured for host kind " + op.host() + " of " + op);
        }
        return base;
    }

    /**
     * Resolves the URL a request goes to.
     *
     * @param request the request
     * @return the URL
     * @throws ServerException if a vendor-given paging URL points to another origin
     */
    public HttpUrl url(ApiRequest request) {
        Operation op = request.operation();
        HttpUrl base = base(op);
        HttpUrl.Builder url;
        if (request.absoluteUrl() != null) {
            HttpUrl given = HttpUrl.parse(request.absoluteUrl());
            if (given == null || !given.scheme().equals(base.scheme()) || !given.host().equals(base.host())
                    || given.port() != base.port()) {
                throw new ServerException(ErrorInfo.of(vendor, op.name()).withHost(base.host()).withVendorCode("FOREIGN_LINK")
                        .withVendorMessage("refusing to follow a paging link to another origin: "
                                + (given == null ? "(not a URL)" : given.scheme() + "://" + given.host() + ":" + given.port())));
            }
            url = given.newBuilder();
        } else {
            url = base.newBuilder();
            List<String> baseSegments = base.pathSegments();
            if (!baseSegments.isEmpty() && baseSegments.get(baseSegments.size() - 1).isEmpty()) {
                url.removePathSegment(baseSegments.size() - 1);
            }
            for (String segment : op.pathSegments()) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    String name = segment.substring(1, segment.length() - 1);
                    String value = request.pathParams().get(name);
                    if (value == null) {
                        throw new IllegalArgumentException("missing path parameter " + name + " for " + op);
                    }
                    url.addPathSegment(value);
                } else {
                    url.addEncodedPathSegment(segment);
                }
            }
        }
        for (Map.Entry<String, String> q : request.query()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        return url.build();
    }

    /**
     * Builds the OkHttp request.
     *
     * @param request the request
     * @return the OkHttp request, tagged with its operation and a send permit for attempt 1
     */
    public Request encode(ApiRequest request) {
        Operation op = request.operation();
        Request.Builder b = new Request.Builder().url(url(request)).header("Accept", "application/json")
                .header("User-Agent", userAgent);
        request.headers().forEach(b::header);
        RequestBody body = null;
        if (request.jsonBody() != null) {
            byte[] bytes;
            try {
                bytes = Json.mapper().writeValueAsBytes(request.jsonBody());
            } catch (IOException e) {
                throw new InvalidRequestException(ErrorInfo.of(vendor, op.name()).withVendorMessage(
                        "the request body cannot be written as JSON: " + e.getClass().getSimpleName()), e);
            }
            body = body(bytes, JSON, !op.idempotent());
        } else if (request.formBody() != null) {
            FormBody.Builder form = new FormBody.Builder();
            request.formBody().forEach(form::add);
            FormBody built = form.build();
            body = op.idempotent() ? built : new OneShotBody(toBytes(built), built.contentType());
        } else if ("POST".equals(op.method()) || "PUT".equals(op.method()) || "PATCH".equals(op.method())) {
            body = body(EMPTY, null, !op.idempotent());
        }
        b.method(op.method(), body);
        b.tag(Operation.class, op);
        b.tag(Tags.SendPermit.class, new Tags.SendPermit(true));
        return b.build();
    }

    private static RequestBody body(byte[] bytes, MediaType type, boolean oneShot) {
        return oneShot ? new OneShotBody(bytes, type) : RequestBody.create(bytes, type);
    }

    private static byte[] toBytes(RequestBody body) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            body.writeTo(buffer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.readByteArray();
    }

    /**
     * The body of a request that must not be repeated by the HTTP client. OkHttp never resends a one-shot
     * body on its own; the pipeline's retry step may still send it again when the operation's
     * documentation says that is safe.
     */
    private static final class OneShotBody extends RequestBody {
        private final byte[] bytes;
        private final MediaType type;

        OneShotBody(byte[] bytes, MediaType type) {
            this.bytes = bytes;
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }
}
