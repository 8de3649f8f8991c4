package io.secopskit.testkit;

/** Answers one route of a fake. */
@FunctionalInterface
public interface RouteHandler {
    /**
     * Handles a request.
     *
     * @param request the request, with the route's path variables
     * @return the answer
     */
    FakeResponse handle(FakeRequest request);
}
