package io.secopskit.chronicle.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.CredentialType;
import io.secopskit.chronicle.model.SsoConfig;
import io.secopskit.core.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readers for the response shapes the Customer Management document shows for one field in more than one
 * way. GetCustomer's example (L232-290) is not valid JSON: after the JSON sample it shows the SSO
 * configuration as XML ({@code SSO Config: <xml>}) and the credentials keyed by type, while CreateCustomer
 * and ListCustomers show an SSO object and a credential list. Internal.
 */
public final class ResponseShapes {
    private ResponseShapes() {
    }

    /** Reads {@code sso_config} as an object ({@code create_time, deploy_time, state, config}) or as the XML string. */
    public static final class SsoConfigReader extends JsonDeserializer<SsoConfig> {
        /** Creates the reader (Jackson instantiates it). */
        public SsoConfigReader() {
        }

        @Override
        public SsoConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String xml = p.getText();
                return new SsoConfig(null, null, null, Secret.ofNullable(xml));
            }
            return ctxt.readValue(p, SsoConfig.class);
        }
    }

    /**
     * Reads {@code credentials} as a list of {@code {id, credential_type, credential}} objects, as one such
     * object, or as an object keyed by credential type whose values are the credentials (a string, or a
     * service-account document kept as its JSON text). Types are kept as sent.
     */
    public static final class CredentialsReader extends JsonDeserializer<List<Credential>> {
        /** Creates the reader (Jackson instantiates it). */
        public CredentialsReader() {
        }

        @Override
        public List<Credential> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            List<Credential> out = new ArrayList<>();
            if (node == null || node.isNull() || node.isMissingNode()) {
                return out;
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    out.add(ctxt.readTreeAsValue(item, Credential.class));
                }
                return out;
            }
            if (!node.isObject()) {
                throw ctxt.weirdStringException(node.asText(), List.class,
                        "credentials must be a list or an object keyed by credential type");
            }
            if (node.has("credential_type") || node.has("credentialType") || node.has("credential")) {
                out.add(ctxt.readTreeAsValue(node, Credential.class));
                return out;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = e.getValue();
                String text = value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
                out.add(new Credential(null, CredentialType.of(e.getKey()), Secret.ofNullable(text), null, null));
            }
            return out;
        }

        @Override
        public List<Credential> getNullValue(DeserializationContext ctxt) {
            return List.of();
        }
    }
}
