package io.secopskit.stellar.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.model.Case;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Stellar Cyber's {@code {"data": ...}} envelopes (and tolerates a bare body). Every unreadable or
 * incomplete answer becomes a typed {@code ServerException} through {@link ApiResponse}: an empty or
 * {@code null} body, a {@code null} {@code data}, a list that is not an array. Internal.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /**
     * One page of cases.
     *
     * @param cases the cases ({@code cases}, or {@code incidents} on the incidents endpoint)
     * @param total how many match the query, or null when the answer does not say
     */
    public record CasePage(@JsonProperty("cases") @JsonAlias("incidents") List<Case> cases,
                           @JsonProperty("total") Long total) {
        /**
         * Replaces an absent list with an empty one.
         *
         * @param cases the cases, or null
         * @param total the total, or null
         */
        public CasePage {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }

    /**
     * Sends a request and reads {@code data} (or the whole body when it has no {@code data}) as a type.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @param type     the result type
     * @param <T>      result type
     * @return the result, never null
     * @throws io.secopskit.core.error.ServerException if the answer has no readable value of that type
     */
    public static <T> T data(VendorPipeline pipeline, ApiRequest request, Class<T> type) {
        ApiResponse response = pipeline.execute(request);
        return response.read(payload(response), type);
    }

    /**
     * Like {@link #data} for a list: {@code data} must be a JSON array.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @param element  the element class
     * @param <T>      element type
     * @return the list, never null; elements are never null
     * @throws io.secopskit.core.error.ServerException if {@code data} is not an array or an element is unreadable
     */
    public static <T> List<T> list(VendorPipeline pipeline, ApiRequest request, Class<T> element) {
        ApiResponse response = pipeline.execute(request);
        JsonNode data = payload(response);
        if (!data.isArray()) {
            throw pipeline.unreadable(request.operation(), "expected a JSON array in 'data' but got "
                    + data.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        List<T> out = new ArrayList<>(data.size());
        for (JsonNode item : data) {
            out.add(response.read(item, element));
        }
        return out;
    }

    private static JsonNode payload(ApiResponse response) {
        JsonNode root = response.json();
        return root.has("data") ? response.requireField(root, "data") : root;
    }
}
