package io.secopskit.stellar.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.model.Case;
import java.io.IOException;
import java.util.List;

/** Reads Stellar Cyber's {@code {"data": ...}} envelopes (and tolerates a bare body). Internal. */
public final class Envelopes {
    private Envelopes() {
    }

    /**
     * One page of cases.
     *
     * @param cases the cases ({@code cases}, or {@code incidents} on the incidents endpoint)
     * @param total how many match the query
     */
    public record CasePage(@JsonProperty("cases") @JsonAlias("incidents") List<Case> cases,
                           @JsonProperty("total") long total) {
        /** Replaces an absent list with an empty one. */
        public CasePage {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }

    /**
     * Sends a request and reads {@code data} (or the whole body when there is no {@code data}) as a type.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @param type     the result type
     * @param <T>      result type
     * @return the result
     */
    public static <T> T data(VendorPipeline pipeline, ApiRequest request, JavaType type) {
        JsonNode root = pipeline.call(request, JsonNode.class);
        JsonNode data = root.has("data") ? root.get("data") : root;
        try {
            return pipeline.mapper().readerFor(type).readValue(data);
        } catch (IOException e) {
            throw new ServerException(ErrorInfo.of(StellarRules.VENDOR, request.operation().name()).withVendorMessage(
                    "could not read the answer as " + type.getRawClass().getSimpleName() + ": " + e.getClass().getSimpleName()), e);
        }
    }

    /**
     * Like {@link #data(VendorPipeline, ApiRequest, JavaType)} for a plain class.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @param type     the result class
     * @param <T>      result type
     * @return the result
     */
    public static <T> T data(VendorPipeline pipeline, ApiRequest request, Class<T> type) {
        return data(pipeline, request, pipeline.mapper().constructType(type));
    }

    /**
     * Like {@link #data(VendorPipeline, ApiRequest, JavaType)} for a list.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @param element  the element class
     * @param <T>      element type
     * @return the list
     */
    public static <T> List<T> list(VendorPipeline pipeline, ApiRequest request, Class<T> element) {
        return data(pipeline, request, pipeline.mapper().getTypeFactory().constructCollectionType(List.class, element));
    }
}
