package io.secopskit.core.http;

import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.RouteHandler;

/** Lets tests in other packages use {@link OpenFake}. */
public final class OpenFakeAccess {
    private OpenFakeAccess() {
    }

    /** An open fake (any credentials), started. */
    public interface Fake extends AutoCloseable {
        Fake stub(String method, String pattern, RouteHandler handler);

        java.net.URI baseUri();

        java.util.List<io.secopskit.testkit.FakeRequest> requests(String method, String path);

        FakeVendor vendor();

        @Override
        void close();
    }

    /** Returns a started open fake. */
    public static Fake open() {
        OpenFake fake = new OpenFake();
        return new Fake() {
            @Override
            public Fake stub(String method, String pattern, RouteHandler handler) {
                fake.stub(method, pattern, handler);
                return this;
            }

            @Override
            public java.net.URI baseUri() {
                return fake.baseUri();
            }

            @Override
            public java.util.List<io.secopskit.testkit.FakeRequest> requests(String method, String path) {
                return fake.requests(method, path);
            }

            @Override
            public FakeVendor vendor() {
                return fake;
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }
}
