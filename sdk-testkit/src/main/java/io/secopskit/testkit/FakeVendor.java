package io.secopskit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Base of every vendor fake: a {@link MockWebServer} on loopback whose dispatcher routes requests by
 * method and path pattern ({@code /orgs/{org}/runs/{id}}), checks credentials through
 * {@link #authenticate(FakeRequest)}, records every request in a journal, and applies injected
 * {@link Faults} before the normal answer. Unknown routes get 404. Serves plain HTTP on loopback, or
 * HTTPS after {@link #useHttps()} (clients trust it through {@link FakeTls}). Thread-safe.
 */
public abstract class FakeVendor implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<FakeRequest> journal = new CopyOnWriteArrayList<>();
    private final Faults faults = new Faults();
    private volatile Clock clock = Clock.systemUTC();
    private volatile java.time.Duration latency = java.time.Duration.ZERO;
    private volatile boolean started;
    private volatile boolean https;

    private record Route(String method, Pattern pattern, List<String> names, boolean anonymous, RouteHandler handler) {
    }

    /** Creates a fake; call {@link #start()} before use. */
    protected FakeVendor() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest recorded) {
                return FakeVendor.this.dispatch(recorded);
            }
        });
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return this fake
     */
    public synchronized FakeVendor start() {
        if (!started) {
            try {
                server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started = true;
        }
        return this;
    }

    /**
     * Serves HTTPS instead of HTTP, with the certificate of {@link FakeTls#shared()}; call before
     * {@link #start()}. {@link #baseUri()} then starts with {@code https://}.
     *
     * @return this fake
     * @throws IllegalStateException if the fake already started
     */
    public synchronized FakeVendor useHttps() {
        if (started) {
            throw new IllegalStateException("useHttps() must be called before start()");
        }
        server.useHttps(FakeTls.shared().serverSocketFactory());
        https = true;
        return this;
    }

    /** Returns whether this fake serves HTTPS. */
    public boolean isHttps() {
        return https;
    }

    /** Returns the TLS material clients use to trust this fake when it serves HTTPS. */
    public FakeTls tls() {
        return FakeTls.shared();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    /** Returns the base URI, for example {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        HttpUrl url = server.url("/");
        String s = url.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** Returns the port. */
    public int port() {
        return server.getPort();
    }

    /** Returns the fault injector. */
    public Faults faults() {
        return faults;
    }

    /**
     * Sets the clock the fake uses for token expiry and quotas.
     *
     * @param value the clock
     */
    public void clock(Clock value) {
        this.clock = value;
    }

    /**
     * Holds every answer for a fixed time (real time, before the headers are sent), as a distant vendor would:
     * for measuring concurrency. Zero (the default) answers at once; a longer injected fault delay wins.
     *
     * @param value the latency
     */
    public void latency(java.time.Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        this.latency = value;
    }

    /** Returns the fake's clock. */
    public Clock clock() {
        return clock;
    }

    /** Returns every request received, oldest first. */
    public List<FakeRequest> requests() {
        return List.copyOf(journal);
    }

    /**
     * Returns the requests with this method whose path equals {@code path}.
     *
     * @param method HTTP method
     * @param path   the path as sent (percent-encoded)
     * @return the matching requests
     */
    public List<FakeRequest> requests(String method, String path) {
        List<FakeRequest> out = new ArrayList<>();
        for (FakeRequest r : journal) {
            if (r.method().equals(method) && r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Returns the newest request, or null. */
    public FakeRequest lastRequest() {
        return journal.isEmpty() ? null : journal.get(journal.size() - 1);
    }

    /** Empties the journal. */
    public void clearJournal() {
        journal.clear();
    }

    /**
     * Adds a route that requires credentials.
     *
     * @param method  HTTP method
     * @param pattern path pattern with {@code {name}} segments
     * @param handler the handler
     */
    protected final void route(String method, String pattern, RouteHandler handler) {
        addRoute(method, pattern, false, handler);
    }

    /**
     * Adds a route that is answered without a credential check (token endpoints).
     *
     * @param method  HTTP method
     * @param pattern path pattern with {@code {name}} segments
     * @param handler the handler
     */
    protected final void anonymousRoute(String method, String pattern, RouteHandler handler) {
        addRoute(method, pattern, true, handler);
    }

    private void addRoute(String method, String pattern, boolean anonymous, RouteHandler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)}").matcher(pattern);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, anonymous, handler));
    }

    /**
     * Checks a request's credentials as the vendor does.
     *
     * @param request the request
     * @return null to accept, or the vendor's rejection
     */
    protected abstract FakeResponse authenticate(FakeRequest request);

    private MockResponse dispatch(RecordedRequest recorded) {
        FakeRequest request = toFakeRequest(recorded);
        journal.add(request);
        FakeResponse fault = faults.take(request);
        if (fault != null && fault.status() != Faults.DELAY_ONLY) {
            return toMock(fault);
        }
        FakeResponse intercepted = intercept(request);
        FakeResponse answer = intercepted != null ? intercepted : answer(request);
        if (fault != null) {
            answer = answer.withDelay(fault.delay());
        }
        java.time.Duration fixed = latency;
        if (!fixed.isZero() && fixed.compareTo(answer.delay()) > 0) {
            answer = answer.withDelay(fixed);
        }
        return toMock(answer);
    }

    private FakeResponse answer(FakeRequest request) {
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                vars.put(route.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            if (!route.anonymous()) {
                FakeResponse rejected = authenticate(request);
                if (rejected != null) {
                    return rejected;
                }
            }
            try {
                return route.handler().handle(request.withPathVariables(vars));
            } catch (RuntimeException e) {
                return internalError(request, e);
            }
        }
        return pathMatched ? methodNotAllowed(request) : notFound(request);
    }

    /**
     * Answers a request before routing, for instance-wide states such as maintenance pages.
     *
     * @param request the request
     * @return an answer for every route, or null to route normally
     */
    protected FakeResponse intercept(FakeRequest request) {
        return null;
    }

    /**
     * The answer for an unknown path, in the vendor's error shape.
     *
     * @param request the request
     * @return the answer
     */
    protected FakeResponse notFound(FakeRequest request) {
        return FakeResponse.json(404, "{\"message\":\"no route for " + request.method() + " " + request.path() + "\"}");
    }

    /**
     * The answer for a known path with the wrong method.
     *
     * @param request the request
     * @return the answer
     */
    protected FakeResponse methodNotAllowed(FakeRequest request) {
        return FakeResponse.json(405, "{\"message\":\"method " + request.method() + " not allowed\"}");
    }

    /**
     * The answer when a handler throws, in the vendor's error shape.
     *
     * @param request the request
     * @param e       what the handler threw
     * @return the answer
     */
    protected FakeResponse internalError(FakeRequest request, RuntimeException e) {
        return FakeResponse.json(500, "{\"message\":\"fake failed: " + e.getClass().getSimpleName() + "\"}");
    }

    private static FakeRequest toFakeRequest(RecordedRequest r) {
        HttpUrl url = r.getUrl();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>())
                    .add(url.queryParameterValue(i) == null ? "" : url.queryParameterValue(i));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < r.getHeaders().size(); i++) {
            headers.computeIfAbsent(r.getHeaders().name(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(r.getHeaders().value(i));
        }
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        return new FakeRequest(r.getMethod(), url.encodedPath(), query, headers, body, Map.of());
    }

    private static MockResponse toMock(FakeResponse f) {
        if (f.drops()) {
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
        }
        MockResponse.Builder b = new MockResponse.Builder().code(f.status());
        f.headers().forEach(b::setHeader);
        b.body(f.body());
        if (!f.delay().isZero()) {
            b.headersDelay(f.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return b.build();
    }
}
