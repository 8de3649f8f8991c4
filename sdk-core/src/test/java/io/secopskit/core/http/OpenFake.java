package io.secopskit.core.http;

import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.RouteHandler;

/** A fake whose routes the test declares; accepts any credentials. */
final class OpenFake extends FakeVendor {
    OpenFake() {
        start();
    }

    OpenFake stub(String method, String pattern, RouteHandler handler) {
        route(method, pattern, handler);
        return this;
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        return null;
    }
}
