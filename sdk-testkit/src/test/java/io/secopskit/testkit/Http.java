package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A raw HTTP client for fake-side tests: what a vendor's real API would receive, without the SDK. */
final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    /** An answer: status and body (parsed when JSON). */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final OkHttpClient client;

    Http() {
        this(new OkHttpClient());
    }

    Http(OkHttpClient client) {
        this.client = client;
    }

    Answer send(String method, URI base, String path, Map<String, String> headers, String body) {
        Request.Builder b = new Request.Builder().url(base.toString() + path);
        headers.forEach(b::header);
        RequestBody rb = body == null ? null : RequestBody.create(body, headers.containsKey("Content-Type")
                ? MediaType.get(headers.get("Content-Type")) : JSON);
        b.method(method, rb);
        try (Response r = client.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
