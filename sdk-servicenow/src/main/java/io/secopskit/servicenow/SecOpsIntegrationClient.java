package io.secopskit.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
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
 * the Security Operations tables. The user needs the {@code sn_sec_cmn.api_write} role. Obtain it from
 * {@link ServiceNowClient#secOpsIntegration()}. Thread-safe.
 *
 * <p>Each post creates a record, so it is sent at most once: a lost connection, a timeout, 429, 502 or
 * 503 reach the caller as a typed exception and nothing is resent (the record may or may not exist —
 * look for it through {@link ServiceNowClient#table(String)} before posting again).
 *
 * <p>Errors: "Insufficient access" → {@code PermissionDeniedException} naming the role; "Invalid post body"
 * and "No fields supplied" → {@code InvalidRequestException} (both are also caught before sending);
 * "Mandatory fields missing: x,y,z" → {@link MandatoryFieldsMissingException}; "Unable to persist record"
 * and "Unknown error" → {@code ServerException}; an HTML answer (a hibernating instance) →
 * {@code ServerException} saying so; a 2xx answer with neither {@code success} nor {@code sys_id} →
 * {@code ServerException} with code {@code MISSING_FIELD}.
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
        return Operation.builder(ServiceNowClient.VENDOR, name, "POST", path).idempotent(false).build();
    }

    /**
     * Writes a CI enrichment result ({@code sn_sec_cmn_ci_enrichment_result}). Sent at most once.
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     * @throws io.secopskit.core.error.SecOpsException for any failure (see the class description)
     */
    public WriteResult postCiEnrichment(CiEnrichmentResult record, WriteOptions options) {
        return post(ciEnrichment, record, options);
    }

    /**
     * Writes an observable enrichment result ({@code sn_ti_observable_enrichment_result}). Sent at most once.
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     * @throws io.secopskit.core.error.SecOpsException for any failure (see the class description)
     */
    public WriteResult postObservableEnrichment(ObservableEnrichmentResult record, WriteOptions options) {
        return post(observableEnrichment, record, options);
    }

    /**
     * Writes a threat lookup result ({@code sn_ti_lookup_result}). Sent at most once.
     *
     * @param record  the row
     * @param options the configuration parameters
     * @return what ServiceNow answered
     * @throws io.secopskit.core.error.SecOpsException for any failure (see the class description)
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
        ApiResponse response = pipeline.execute(request);
        JsonNode root = Responses.json(response);
        JsonNode body = root.has("result") && root.size() == 1 ? root.get("result") : root;
        if (body == null || !body.isObject()) {
            throw pipeline.unreadable(op, "the answer is not a JSON object", null);
        }
        JsonNode success = body.get("success");
        String sysId = body.hasNonNull("sys_id") ? body.get("sys_id").asText() : null;
        if ((success == null || success.isNull()) && sysId == null) {
            response.requireField(body, "sys_id"); // neither 'success' nor 'sys_id': MISSING_FIELD
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            if (!e.getKey().equals("success")) {
                fields.put(e.getKey(), pipeline.mapper().convertValue(e.getValue(), Object.class));
            }
        });
        return new WriteResult(success == null || success.isNull() ? sysId != null : success.asBoolean(false), sysId, fields);
    }
}
