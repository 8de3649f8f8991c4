package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secopskit.testkit.FakeTaegis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends every GraphQL example of the Taegis Tenants document ({@code taegis-doc-examples.json}: verbatim
 * text, substitutions, expected outcome and the reason for each expected failure) to a strict FakeTaegis.
 * Each example acts on its own tenant, subscription and SSO connection, so examples do not depend on each
 * other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentExamplesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final String CLIENT = "doc-examples";

    private FakeTaegis fake;
    private JsonNode file;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = DocumentExamplesTest.class.getResourceAsStream("/taegis-doc-examples.json")) {
            file = MAPPER.readTree(in);
        }
        fake = new FakeTaegis();
        fake.start();
        fake.issuer().client(CLIENT, "secret");
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    Stream<String> examples() {
        List<String> ids = new ArrayList<>();
        file.get("examples").forEach(e -> ids.add(e.get("id").asText()));
        return ids.stream();
    }

    private JsonNode example(String id) {
        for (JsonNode e : file.get("examples")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private String token() {
        Request r = new Request.Builder().url(fake.baseUri() + TaegisClient.TOKEN_PATH)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":secret").getBytes(StandardCharsets.UTF_8)))
                .post(RequestBody.create("grant_type=client_credentials", MediaType.get("application/x-www-form-urlencoded"))).build();
        return post(r).json.get("access_token").asText();
    }

    private record Answer(int status, JsonNode json, String text) {
    }

    private static Answer post(Request request) {
        try (Response r = HTTP.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode json;
            try {
                json = MAPPER.readTree(text);
            } catch (IOException notJson) {
                json = MAPPER.missingNode();
            }
            return new Answer(r.code(), json, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values the placeholders stand for, fresh for each example. */
    private Map<String, String> values(String token) {
        String child = fake.seedTenants(1).get(0);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("${TOKEN}", token);
        v.put("${PARTNER}", FakeTaegis.PARTNER_TENANT_ID);
        v.put("${CHILD}", child);
        v.put("${METADATA_URL}", "https://idp.acme.example/metadata");
        JsonNode sub = graphql(token, null, "mutation c($in: NewSubscription!) { createSubscription(input: $in) { id } }",
                Map.of("in", Map.of("name", "MDR for " + child)));
        v.put("${SUBSCRIPTION}", sub.path("data").path("createSubscription").path("id").asText());
        JsonNode sso = graphql(token, child, "mutation c($in: NewSSOConnectionInput!) { createSSOConnection(newConnection: $in) { id } }",
                Map.of("in", Map.of("name", "Existing", "type", "saml", "domains", List.of("acme.example"))));
        v.put("${CONNECTION}", sso.path("data").path("createSSOConnection").path("id").asText());
        v.values().forEach(value -> assertFalse(value.isEmpty(), "setup failed: " + v));
        return v;
    }

    private JsonNode graphql(String token, String context, String query, Map<String, Object> variables) {
        Request.Builder b = new Request.Builder().url(fake.baseUri() + "/public/query").header("Authorization", "Bearer " + token);
        if (context != null) {
            b.header("X-Tenant-Context", context);
        }
        try {
            return post(b.post(RequestBody.create(MAPPER.writeValueAsString(Map.of("query", query, "variables", variables)),
                    MediaType.get("application/json"))).build()).json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String substitute(String text, JsonNode substitutions, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (JsonNode pair : substitutions) {
            out = out.replace(pair.get(0).asText(), pair.get(1).asText());
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documentExample_behavesAsTheExpectedListSays(String id) throws IOException {
        JsonNode e = example(id);
        Map<String, String> values = values(token());
        JsonNode subs = e.get("substitutions");

        String body;
        if (e.get("kind").asText().equals("graphql-block")) {
            ObjectNode payload = MAPPER.createObjectNode().put("query", substitute(e.get("document").asText(), subs, values));
            payload.set("variables", MAPPER.readTree(substitute(e.get("variables").toString(), subs, values)));
            body = MAPPER.writeValueAsString(payload);
        } else {
            body = substitute(e.get("body").asText(), subs, values);
        }
        Request.Builder request = new Request.Builder().url(fake.baseUri() + e.get("path").asText())
                .header("Authorization", substitute(e.get("authorization").asText(), subs, values).trim())
                .header("Content-Type", "application/json");
        if (e.hasNonNull("tenantContext")) {
            request.header("X-Tenant-Context", substitute(e.get("tenantContext").asText(), subs, values).trim());
        }
        Answer answer = post(request.post(RequestBody.create(body, MediaType.get("application/json"))).build());

        String expect = e.get("expect").asText();
        String why = id + " (" + e.get("lines").asText() + "): " + answer.text();
        switch (expect) {
            case "pass" -> {
                assertEquals(200, answer.status(), why);
                assertTrue(answer.json().path("errors").isMissingNode() || answer.json().path("errors").isEmpty(), why);
                JsonNode data = answer.json().path("data");
                assertTrue(data.isObject() && data.size() == 1, why);
                assertFalse(data.elements().next().isNull(), why);
            }
            case "graphql-error" -> {
                assertEquals(200, answer.status(), why);
                assertTrue(answer.json().path("errors").size() > 0, why);
                String messages = answer.json().path("errors").toString().toLowerCase(Locale.ROOT);
                assertTrue(messages.contains(e.get("errorContains").asText().toLowerCase(Locale.ROOT)), why);
            }
            case "http-404" -> assertEquals(404, answer.status(), why);
            case "http-401" -> assertEquals(401, answer.status(), why);
            default -> throw new IllegalStateException("unknown expectation " + expect);
        }
    }

    @Test
    void e06_failsOnlyBecauseOfItsStartTimeWithoutOffset() throws IOException {
        JsonNode e = example("E06");
        String token = token();
        fake.strictness().disable(FakeTaegis.Rule.TIME_FORMAT);
        try {
            JsonNode answer = graphql(token, null, e.get("document").asText(), Map.of());
            assertTrue(answer.path("errors").isMissingNode(), answer.toString());
            assertTrue(answer.path("data").path("tenants").path("count").isInt());
        } finally {
            fake.strictness().enable(FakeTaegis.Rule.TIME_FORMAT);
        }
    }

    @Test
    void everyExpectedFailure_hasItsReason_andTheListCoversEveryGraphQLExampleOfTheDocument() {
        int blocks = 0;
        int curls = 0;
        for (JsonNode e : file.get("examples")) {
            if (!e.get("expect").asText().equals("pass")) {
                assertTrue(e.hasNonNull("reason") && e.get("reason").asText().length() > 20, e.get("id").asText());
            }
            if (!e.has("correctedFrom")) {
                if (e.get("kind").asText().equals("graphql-block")) {
                    blocks++;
                } else {
                    curls++;
                }
            }
        }
        assertEquals(19, blocks, "the document has 19 GraphQL blocks (L103 ... L421)");
        assertEquals(14, curls, "and 14 cURL bodies (L115 ... L433)");
    }
}
