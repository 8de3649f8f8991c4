package io.secopskit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.testkit.FakeChronicle.Rule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeChronicle enforces each documented rule, and stops when the rule is switched off. */
class FakeChronicleRulesTest {
    private static final String BASE = "/v1/partner/customer/";
    private static final String ACCOUNT = "partner@partner-project.iam.gserviceaccount.com";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final Http http = new Http();
    private FakeChronicle fake;
    private String bearer;

    @BeforeEach
    void start() {
        fake = new FakeChronicle();
        fake.start();
        fake.clock(clock);
        fake.newServiceAccountKeyJson(ACCOUNT);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String assertion = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"" + ACCOUNT + "\",\"scope\":\"https://www.googleapis.com/auth/chronicle-backstory\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        Http.Answer token = http.send("POST", fake.baseUri(), FakeChronicle.TOKEN_PATH,
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + assertion);
        assertEquals(200, token.status(), token.body());
        bearer = "Bearer " + token.json().get("access_token").asText();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Answer post(String op, String body) {
        return http.send("POST", fake.baseUri(), BASE + op, Map.of("Authorization", bearer), body);
    }

    private Http.Answer get(String opAndQuery) {
        return http.send("GET", fake.baseUri(), BASE + opAndQuery, Map.of("Authorization", bearer), null);
    }

    private Http.Answer create(String code) {
        return post("createcustomer", "{\"customer_name\":\"Customer " + code + "\",\"customer_code\":\"" + code
                + "\",\"customer_subdomains\":[\"" + code + "-soc\"]}");
    }

    private static void assertGoogleError(Http.Answer a, int status, String canonical) {
        assertEquals(status, a.status(), a.body());
        assertEquals(status, a.json().path("error").path("code").asInt());
        assertEquals(canonical, a.json().path("error").path("status").asText());
    }

    // ---------------------------------------------------------------- CREATE_CUSTOMER_QUOTA (L53-58)

    @Test
    void createCustomerQuota_31stInAny24Hours_gets429ResourceExhausted_untilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 30; i++) {
            assertEquals(200, create("c" + i).status());
            clock.advance(Duration.ofMinutes(10));
        }
        Instant oldest = Instant.parse("2026-11-22T09:00:00Z");
        assertEquals(30, fake.createCustomerQuotaUsed());
        assertEquals(oldest.plus(Duration.ofHours(24)), fake.createCustomerQuotaResetsAt());

        clock.set(oldest.plus(Duration.ofHours(24)).minusSeconds(1));
        assertGoogleError(create("c30"), 429, "RESOURCE_EXHAUSTED");
        assertEquals(30, fake.customerCount(), "a refused call creates nothing");

        clock.set(oldest.plus(Duration.ofHours(24)));
        assertEquals(200, create("c30").status(), "the first send left the sliding window");
        assertGoogleError(create("c31"), 429, "RESOURCE_EXHAUSTED");
    }

    @Test
    void createCustomerQuota_countsEveryCall_evenRefusedOnes() {
        fake.createCustomerQuota(3);
        assertEquals(200, create("dup").status());
        assertGoogleError(create("dup"), 409, "ALREADY_EXISTS");
        assertGoogleError(post("createcustomer", "{\"customer_code\":\"x\"}"), 400, "INVALID_ARGUMENT");

        assertGoogleError(create("fourth"), 429, "RESOURCE_EXHAUSTED");
    }

    @Test
    void createCustomerQuota_isSettable_soTestsCanRaiseIt() {
        fake.createCustomerQuota(40);
        for (int i = 0; i < 40; i++) {
            assertEquals(200, create("r" + i).status());
        }
        assertGoogleError(create("r40"), 429, "RESOURCE_EXHAUSTED");
    }

    @Test
    void createCustomerQuota_switchedOff_the31stIsAccepted() {
        fake.strictness().disable(Rule.CREATE_CUSTOMER_QUOTA);
        for (int i = 0; i < 31; i++) {
            assertEquals(200, create("o" + i).status());
        }
        assertEquals(31, fake.customerCount());
    }

    @Test
    void failNextCreatesRetryably_answersTheDocumentedMessage_andCountsAgainstTheQuota() {
        fake.failNextCreatesRetryably(1);
        Http.Answer failed = create("retry");
        assertEquals(500, failed.status());
        assertEquals(FakeChronicle.RETRYABLE_CREATE_MESSAGE, failed.json().path("error").path("message").asText());
        assertEquals(0, fake.customerCount());
        assertEquals(200, create("retry").status());
        assertEquals(2, fake.createCustomerQuotaUsed());
    }

    // ---------------------------------------------------------------- DOCUMENTED_RESPONSE_SHAPES (L144-176, L232-241, L327-366)

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void getCustomer_answersTheDocumentedSampleFieldsOnly() {
        create("acme");
        post("setuistate:state", "{\"customer_code\":\"acme\",\"state\":false}");

        JsonNode got = get("getcustomer?customer_code=acme").json();

        assertEquals(List.of("customerCode", "customerId", "customerName", "customerSubdomains", "forwarders", "id",
                "retentionDuration"), keys(got));
        assertEquals(List.of("acme-soc"), List.of(got.get("customerSubdomains").get(0).asText()));
    }

    @Test
    void getCustomer_documentTextShape_ssoXmlStringAndCredentialsKeyedByType() {
        post("createcustomer", "{\"customer_name\":\"Acme\",\"customer_code\":\"acme\",\"sso_config\":\"<md:EntityDescriptor/>\"}");
        fake.getCustomerShape(FakeChronicle.GetCustomerShape.SAMPLE_WITH_TEXT_BLOCKS);

        JsonNode got = get("getcustomer?customer_code=acme").json();

        assertEquals("<md:EntityDescriptor/>", got.get("ssoConfig").asText());
        assertEquals(List.of("BACKSTORY_API", "INGESTION_API", "BIGQUERY_API"), keys(got.get("credentials")));
        JsonNode account = got.get("credentials").get("INGESTION_API");
        assertEquals("service_account", account.get("type").asText());
        assertEquals(fake.customer("acme").get("credentials").get(1).get("credential").asText(), account.get("private_key").asText());
        assertFalse(got.has("uiEnabled"));
    }

    @Test
    void listAndCreate_answerTheirSampleFields_listCarriesCredentials() {
        JsonNode created = create("acme").json();
        assertEquals(List.of("id", "customer_id", "customer_code", "customer_name", "retention_duration", "credentials"),
                keys(created));

        JsonNode listed = get("listcustomers").json().get("customers").get(0);
        assertEquals(List.of("id", "customer_id", "customer_code", "customer_name", "retention_duration", "forwarders",
                "customer_subdomains", "credentials"), keys(listed));
        assertEquals("BACKSTORY_API", listed.get("credentials").get(0).get("credential_type").asText());
    }

    @Test
    void responseShapes_switchedOff_getCustomerLeaksCredentialsAndUiEnabled() {
        fake.strictness().disable(Rule.DOCUMENTED_RESPONSE_SHAPES);
        create("acme");
        post("setuistate:state", "{\"customer_code\":\"acme\",\"state\":false}");

        JsonNode got = get("getcustomer?customer_code=acme").json();

        assertTrue(got.get("credentials").isArray());
        assertFalse(got.get("uiEnabled").asBoolean());
    }

    @Test
    void credentialTypes_areIssuedAsConfigured_anyString() {
        fake.credentialTypes("BACKSTORY_API", "ADMIN", "SOAR_API");
        JsonNode created = create("acme").json();
        assertEquals("ADMIN", created.get("credentials").get(1).get("credential_type").asText());
        assertEquals("SOAR_API", created.get("credentials").get(2).get("credential_type").asText());
    }

    // ---------------------------------------------------------------- value rules

    @Test
    void retentionValues_otherThanSixMonthsOrOneYear_get400_andPassWhenSwitchedOff() {
        String body = "{\"customer_name\":\"n\",\"customer_code\":\"ret\",\"retention_duration\":\"TWO_YEARS\"}";
        assertGoogleError(post("createcustomer", body), 400, "INVALID_ARGUMENT");
        fake.strictness().disable(Rule.RETENTION_VALUES);
        assertEquals(200, post("createcustomer", body).status());
    }

    @Test
    void authVersionValues_onlyThreeOrFour_andPassWhenSwitchedOff() {
        create("auth");
        String body = "{\"customer_code\":\"auth\",\"auth_version\":\"AUTH_VERSION_2\"}";
        assertGoogleError(post("setauthversion", body), 400, "INVALID_ARGUMENT");
        assertEquals(200, post("setauthversion", "{\"customer_code\":\"auth\",\"auth_version\":\"AUTH_VERSION_4\"}").status());
        fake.strictness().disable(Rule.AUTH_VERSION_VALUES);
        assertEquals("AUTH_VERSION_2", post("setauthversion", body).json().get("authVersion").asText());
    }

    @Test
    void gcpProjectForms_idNumberAndDomainScoped_areAccepted_othersGet400_untilSwitchedOff() {
        create("proj");
        for (String ok : new String[] {"projects/my-project", "projects/012345678901", "projects/example.com:my-project"}) {
            assertEquals(200, post("setgcpprojectlink", "{\"customer_code\":\"proj\",\"gcp_project\":\"" + ok + "\"}").status(), ok);
        }
        for (String bad : new String[] {"my-project", "projects/", "projects/My_Project", "folders/1", "projects/a/b"}) {
            assertGoogleError(post("setgcpprojectlink", "{\"customer_code\":\"proj\",\"gcp_project\":\"" + bad + "\"}"), 400,
                    "INVALID_ARGUMENT");
        }
        fake.strictness().disable(Rule.GCP_PROJECT_FORMS);
        assertEquals(200, post("setgcpprojectlink", "{\"customer_code\":\"proj\",\"gcp_project\":\"folders/1\"}").status());
    }

    @Test
    void providerIdForm_isChecked_untilSwitchedOff() {
        create("wf");
        String bad = "{\"customer_code\":\"wf\",\"customer_subdomain\":\"wf-soc\",\"provider_id\":\"okta\"}";
        assertGoogleError(post("setworkforcepoolprovider", bad), 400, "INVALID_ARGUMENT");
        fake.strictness().disable(Rule.PROVIDER_ID_FORM);
        assertEquals(200, post("setworkforcepoolprovider", bad).status());
    }

    @Test
    void createCustomerCodeFormat_appliesToCreateOnly_existingCodesAreReadAsSent() {
        assertGoogleError(post("createcustomer", "{\"customer_name\":\"n\",\"customer_code\":\"CODE\"}"), 400, "INVALID_ARGUMENT");
        fake.seedCustomer("CODE", "NAME", "domain1", "domain2");

        JsonNode got = get("getcustomer?customer_code=CODE").json();

        assertEquals("CODE", got.get("customerCode").asText());
        assertEquals(200, post("setuistate:state", "{\"customer_code\":\"CODE\",\"state\":true}").status());
        fake.strictness().disable(Rule.CREATE_CUSTOMER_CODE_FORMAT);
        assertEquals(200, post("createcustomer", "{\"customer_name\":\"n\",\"customer_code\":\"UPPER\"}").status());
    }

    @Test
    void subdomainsArray_aBareStringGets400_andIsAcceptedWhenSwitchedOff() {
        String body = "{\"customer_name\":\"n\",\"customer_code\":\"sub\",\"customer_subdomains\":\"sub\"}";
        assertGoogleError(post("createcustomer", body), 400, "INVALID_ARGUMENT");
        fake.strictness().disable(Rule.SUBDOMAINS_ARRAY);
        assertEquals(200, post("createcustomer", body).status());
        assertEquals("sub", fake.customer("sub").get("customer_subdomains").get(0).asText());
    }

    @Test
    void unknownCustomer_is404_andResetsAtIsNullWithoutSends() {
        assertGoogleError(get("getcustomer?customer_code=nobody"), 404, "NOT_FOUND");
        assertNull(fake.createCustomerQuotaResetsAt());
        assertEquals(0, fake.createCustomerQuotaUsed());
    }
}
