package io.secopskit.core.provisioning;

import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.HttpRequest;
import io.secopskit.core.http.HttpResponse;
import io.secopskit.core.internal.http.PipelineAssembly;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-call pipeline policy that lets offboarding put the vendor's request id of each write into its evidence.
 * Install it in every vendor client an {@link Offboarding} uses:
 *
 * <pre>{@code
 * ClientOptions options = RequestIdRecorder.install(ClientOptions.builder()).build();
 * TaegisClient taegis = TaegisClient.builder().options(options)...build();
 * }</pre>
 *
 * It records only while an offboarding write is in progress on the calling thread (otherwise it passes calls
 * through untouched), and only the operation name, HTTP status and request id header (one of
 * {@code X-Request-Id}, {@code X-Transaction-ID}, {@code X-Goog-Request-Id} ...) — never a header value that
 * could be a credential, never a body. Without it, evidence says {@code not captured} instead of an id.
 * Thread-safe.
 */
public final class RequestIdRecorder implements HttpPolicy {
    private static final RequestIdRecorder INSTANCE = new RequestIdRecorder();
    private static final ThreadLocal<List<Call>> CAPTURE = new ThreadLocal<>();

    /**
     * One call seen while recording.
     *
     * @param operation the operation's qualified name
     * @param status    the HTTP status (0 when no answer came)
     * @param requestId the vendor's request id, or null when the answer carried none
     */
    public record Call(String operation, int status, String requestId) {
    }

    private RequestIdRecorder() {
    }

    /**
     * Returns the policy (one instance serves every client).
     *
     * @return the policy
     */
    public static HttpPolicy policy() {
        return INSTANCE;
    }

    /**
     * Adds the policy to a client options builder, in the per-call slot.
     *
     * @param options the builder
     * @return the same builder
     */
    public static ClientOptions.Builder install(ClientOptions.Builder options) {
        return options.addPolicy(Slot.PER_CALL, INSTANCE);
    }

    @Override
    public HttpResponse process(HttpRequest request, Next next) {
        List<Call> calls = CAPTURE.get();
        if (calls == null) {
            return next.proceed(request);
        }
        String operation = request.operation() == null ? request.method() : request.operation().qualifiedName();
        try {
            HttpResponse response = next.proceed(request);
            calls.add(new Call(operation, response.status(), requestId(response)));
            return response;
        } catch (SecOpsException e) {
            calls.add(new Call(operation, e.httpStatus(), e.requestId()));
            throw e;
        }
    }

    private static String requestId(HttpResponse response) {
        for (String name : PipelineAssembly.DEFAULT_REQUEST_ID_HEADERS) {
            String value = response.header(name);
            if (value != null && !value.isBlank()) {
                return value.length() > 200 ? value.substring(0, 200) : value;
            }
        }
        return null;
    }

    /**
     * Starts recording the calls of the current thread (offboarding does this around each write).
     *
     * @return the recording; close it to stop
     */
    static Recording start() {
        List<Call> calls = new ArrayList<>();
        List<Call> outer = CAPTURE.get();
        CAPTURE.set(calls);
        return new Recording(calls, outer);
    }

    /** The calls recorded on one thread between {@link #start()} and {@link #close()}. */
    static final class Recording implements AutoCloseable {
        private final List<Call> calls;
        private final List<Call> outer;

        private Recording(List<Call> calls, List<Call> outer) {
            this.calls = calls;
            this.outer = outer;
        }

        /** Returns the calls recorded so far. */
        List<Call> calls() {
            return List.copyOf(calls);
        }

        @Override
        public void close() {
            if (outer == null) {
                CAPTURE.remove();
            } else {
                CAPTURE.set(outer);
            }
        }
    }
}
