package io.secopskit.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.servicenow.model.ObservableEnrichmentResult;
import io.secopskit.servicenow.model.SecOpsRecord;
import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The "SecOps Integration Capabilities" scripted REST API: posts results gathered outside ServiceNow into
 * the Security Operations tables. The user needs the {@code sn_sec_cmn.api_write} role. Posts create a
 * record each, so they are never retried. Obtain it from {@link ServiceNowClient#secOpsIntegration()}.
 * Thread-safe.
 *
 * <p>Errors: "Insufficient access" → {@code PermissionDeniedException} naming the role; "Invalid post body"
 * and "No fields supplied" → {@code InvalidRequestException} (both are also caught before sending);
 * "Mandatory fields missing: x,y,z" → {@link MandatoryFieldsMissingException}; "Unable to persist record"
 * and "Unknown error" → {@code ServerException}; an HTML answer (hibernating instance) →
 * {@code ServerException} saying so.
 */
public final class SecOpsIntegrationClient {
    private final VendorPipeline pipeline;
    private final Operation ciEnrichment;
    private final Operation observableEnrichment;
    private final Operation threatLookup;

    SecOpsIntegrationClient(VendorPipeline pipeline, SecOpsIntegrationPaths paths) {
        this.pipeline = pipeline;
        this.ciEnrichment = op("PostCiEnrichment", paths.basePath() + paths.ciEnrichmentPath());
        this.observableEnrichment = op("PostObservableEnrichment", paths.basePath() + paths.observableEnrichmentPath());
        this.threatLookup = op("PostThreatLookup", paths.basePath() + paths.threatLookupPath());
    }

    private static Operation op(String name, String path) {
        return Operation.builder(Responses.VENDOR, name, "POST", path).build();
    }

    /**
     * Writes a CI enrichment result ({@code sn_sec_cmn_ci_enrichment_result}).
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     */
    public WriteResult postCiEnrichment(CiEnrichmentResult record, WriteOptions options) {
        return post(ciEnrichment, record, options);
    }

    /**
     * Writes an observable enrichment result ({@code sn_ti_observable_enrichment_result}).
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     */
    public WriteResult postObservableEnrichment(ObservableEnrichmentResult record, WriteOptions options) {
        return post(observableEnrichment, record, options);
    }

    /**
     * Writes a threat lookup result ({@code sn_ti_lookup_result}).
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     */
    public WriteResult postThreatLookup(ThreatLookupResult record, WriteOptions options) {
        return post(threatLookup, record, options);
    }

    private WriteResult post(Operation op, SecOpsRecord record, WriteOptions options) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(options, "options");
        ApiRequest request = ApiRequest.of(op)
                .query("ignore_mandatory_fields", options.ignoreMandatoryFields())
                .query("include_wrap", options.includeWrap())
                .query("simple_response", options.simpleResponse())
                .json(record.fields())
                .build();
        JsonNode root = Responses.json(pipeline, request);
        JsonNode body = root.has("result") && root.size() == 1 ? root.get("result") : root;
        boolean success = body.path("success").asBoolean(body.hasNonNull("sys_id"));
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body.isObject()) {
            body.properties().forEach(e -> {
                if (!e.getKey().equals("success")) {
                    fields.put(e.getKey(), pipeline.mapper().convertValue(e.getValue(), Object.class));
                }
            });
        }
        return new WriteResult(success, body.path("sys_id").asText(null), fields);
    }
}
