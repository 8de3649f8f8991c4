package io.secopskit.carbonblack.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import java.net.UnknownHostException;

/**
 * The one way the Carbon Black sub-clients send requests: through the client's pipeline, adding the
 * Carbon Black host hint to a transport failure whose root cause is a host name that does not resolve (a
 * wrong or made-up environment such as {@code prod99}). Everything else passes through unchanged.
 * Thread-safe. Internal.
 */
public final class Calls {
    /** Appended to the message of an unresolvable host. */
    public static final String UNKNOWN_HOST_HINT = " (hint: Carbon Black's hosts are defense-<env>.conferdeploy.net"
            + " and api-<env>.conferdeploy.net, except PROD01 (dashboard.confer.net), PROD02 (defense.conferdeploy.net)"
            + " and PROD06 (defense-eu.conferdeploy.net); the address of your console names your environment; UK and"
            + " AWS GovCloud orgs use other domains: set endpoint(URI) and apiEndpoint(URI))";

    private final VendorPipeline pipeline;

    /**
     * Wraps a pipeline.
     *
     * @param pipeline the client's pipeline
     */
    public Calls(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Returns the pipeline (clock, options, hosts).
     *
     * @return the pipeline
     */
    public VendorPipeline pipeline() {
        return pipeline;
    }

    /**
     * Sends a request and reads the answer into a type.
     *
     * @param request the request
     * @param type    the answer type
     * @param <T>     the answer type
     * @return the answer
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        try {
            return pipeline.call(request, type);
        } catch (TransportException e) {
            throw hinted(e);
        }
    }

    /**
     * Sends a request and reads the answer into a generic type.
     *
     * @param request the request
     * @param type    the answer type
     * @param <T>     the answer type
     * @return the answer
     */
    public <T> T call(ApiRequest request, TypeReference<T> type) {
        try {
            return pipeline.call(request, type);
        } catch (TransportException e) {
            throw hinted(e);
        }
    }

    /**
     * Sends a request whose answer body is not needed.
     *
     * @param request the request
     * @return the answer
     */
    public ApiResponse execute(ApiRequest request) {
        try {
            return pipeline.execute(request);
        } catch (TransportException e) {
            throw hinted(e);
        }
    }

    static TransportException hinted(TransportException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                String message = e.vendorMessage() == null ? "" : e.vendorMessage();
                TransportException withHint = new TransportException(e.info().withVendorMessage(message + UNKNOWN_HOST_HINT),
                        e.getCause());
                withHint.setStackTrace(e.getStackTrace());
                return withHint;
            }
        }
        return e;
    }
}
