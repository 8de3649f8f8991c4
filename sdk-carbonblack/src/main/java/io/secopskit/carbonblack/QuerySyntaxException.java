package io.secopskit.carbonblack;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;

/** Carbon Black rejected a search query's syntax (HTTP 400, {@code reason: query_malformed_syntax}). */
public class QuerySyntaxException extends InvalidRequestException {
    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public QuerySyntaxException(ErrorInfo info) {
        super(info);
    }
}
