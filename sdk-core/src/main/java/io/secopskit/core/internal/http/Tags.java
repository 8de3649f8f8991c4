package io.secopskit.core.internal.http;

/** Request tags the pipeline steps share. Internal. */
final class Tags {
    private Tags() {
    }

    /** The attempt number of a retried request (2 and up); an untagged request is attempt 1. */
    record Attempt(int number) {
    }

    /** Marks a token endpoint request, whose bodies are never logged. */
    record TokenRequest() {
    }
}
