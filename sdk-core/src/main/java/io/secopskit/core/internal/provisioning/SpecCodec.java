package io.secopskit.core.internal.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.provisioning.TenantSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** A {@link TenantSpec} as JSON, for deferred customers. Holds no secret: a spec has none. Internal. */
public final class SpecCodec {
    private SpecCodec() {
    }

    /**
     * Writes a spec.
     *
     * @param spec the spec
     * @return JSON text
     */
    public static String write(TenantSpec spec) {
        ObjectNode o = Json.mapper().createObjectNode().put("v", 1).put("displayName", spec.displayName())
                .put("customerCode", spec.customerCode()).put("retentionMonths", spec.retentionMonths());
        if (spec.contactName() != null) {
            o.put("contactName", spec.contactName());
        }
        if (spec.contactEmail() != null) {
            o.put("contactEmail", spec.contactEmail());
        }
        ObjectNode labels = o.putObject("labels");
        spec.labels().forEach(labels::put);
        ObjectNode hints = o.putObject("hints");
        spec.hints().forEach(hints::put);
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a spec.
     *
     * @param json JSON text
     * @return the spec
     * @throws IllegalArgumentException if the text is not a valid spec
     */
    public static TenantSpec read(String json) {
        JsonNode o;
        try {
            o = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (o == null || !o.isObject() || o.path("v").asInt() != 1) {
            throw new IllegalArgumentException("not a version-1 customer specification");
        }
        TenantSpec.Builder b = TenantSpec.builder().displayName(o.path("displayName").asText(null))
                .customerCode(o.path("customerCode").asText(null)).retentionMonths(o.path("retentionMonths").asInt(12));
        if (o.hasNonNull("contactName") || o.hasNonNull("contactEmail")) {
            b.contact(o.path("contactName").asText(null), o.path("contactEmail").asText(null));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.label(e.getKey(), e.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("hints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.hint(e.getKey(), e.getValue().asText());
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid customer specification: " + e.getMessage(), e);
        }
    }
}
