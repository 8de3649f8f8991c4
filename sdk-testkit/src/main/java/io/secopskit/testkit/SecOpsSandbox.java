package io.secopskit.testkit;

/**
 * All five vendor fakes on loopback, with credentials already registered: the embedded sandbox the
 * onboarding demo runs against, and a one-line setup for partners' integration tests. Start with
 * {@link #start()}, close when done. The Taegis fake needs the sdk-taegis jar on the classpath (it loads
 * the schema from there).
 *
 * <p>The credentials below are sandbox-only values; they work against these fakes and nowhere else. The
 * fakes are strict (every documented rule on); the Taegis client acts as the partner's TenantAdmin.
 */
public final class SecOpsSandbox implements AutoCloseable {
    /** Chronicle service-account e-mail. */
    public static final String CHRONICLE_CLIENT_EMAIL = "sandbox-partner@secopskit-sandbox.iam.gserviceaccount.com";
    /** Taegis OAuth client id. */
    public static final String TAEGIS_CLIENT_ID = "sandbox-taegis-client";
    /** Taegis OAuth client secret. */
    public static final String TAEGIS_CLIENT_SECRET = "sandbox-taegis-secret";
    /** Carbon Black org key. */
    public static final String CARBON_BLACK_ORG_KEY = "SANDBOX1";
    /** Carbon Black API ID (Custom key with livequery.manage, threathunter.feeds and device, every operation). */
    public static final String CARBON_BLACK_API_ID = "SANDBOXAPIID";
    /** Carbon Black API secret key. */
    public static final String CARBON_BLACK_API_SECRET = "SANDBOXAPISECRETKEY";
    /**
     * Carbon Black API ID of the vendor document's example key ("developer.example"): Custom, livequery.manage
     * and threathunter.feeds with Create and Read only, so updates and deletes get 401.
     */
    public static final String CARBON_BLACK_DOC_EXAMPLE_API_ID = "SANDBOXDOCEXAMPLE";
    /** Carbon Black API secret key of the document's example key. */
    public static final String CARBON_BLACK_DOC_EXAMPLE_API_SECRET = "SANDBOXDOCEXAMPLESECRETKEY";
    /** ServiceNow user with the sn_sec_cmn.api_write role. */
    public static final String SERVICENOW_USER = "sandbox.integration";
    /** ServiceNow password. */
    public static final String SERVICENOW_PASSWORD = "sandbox-password";
    /** Stellar Cyber user e-mail. */
    public static final String STELLAR_USER = "sandbox@secopskit.example";
    /** Stellar Cyber API key. */
    public static final String STELLAR_API_KEY = "sandbox-stellar-api-key";

    private final FakeChronicle chronicle = new FakeChronicle();
    private final FakeTaegis taegis = new FakeTaegis();
    private final FakeCarbonBlack carbonBlack = new FakeCarbonBlack(CARBON_BLACK_ORG_KEY);
    private final FakeServiceNow serviceNow = new FakeServiceNow();
    private final FakeStellarCyber stellar = new FakeStellarCyber();
    private String chronicleKeyJson;

    private SecOpsSandbox() {
    }

    /**
     * Starts all five fakes and registers the sandbox credentials.
     *
     * @return the running sandbox
     */
    public static SecOpsSandbox start() {
        SecOpsSandbox s = new SecOpsSandbox();
        try {
            s.chronicle.start();
            s.chronicleKeyJson = s.chronicle.newServiceAccountKeyJson(CHRONICLE_CLIENT_EMAIL);
            s.taegis.start();
            s.taegis.issuer().client(TAEGIS_CLIENT_ID, TAEGIS_CLIENT_SECRET);
            s.carbonBlack.start();
            s.carbonBlack.apiKey(CARBON_BLACK_API_ID, CARBON_BLACK_API_SECRET, FakeCarbonBlack.AccessLevel.CUSTOM,
                    "livequery.manage", "threathunter.feeds", "device");
            s.carbonBlack.docExampleKey(CARBON_BLACK_DOC_EXAMPLE_API_ID, CARBON_BLACK_DOC_EXAMPLE_API_SECRET);
            s.carbonBlack.seedDevices(3);
            s.serviceNow.start();
            s.serviceNow.user(SERVICENOW_USER, SERVICENOW_PASSWORD, FakeServiceNow.WRITE_ROLE, "itil");
            s.stellar.start();
            s.stellar.user(STELLAR_USER, STELLAR_API_KEY);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Returns the Chronicle fake. */
    public FakeChronicle chronicle() {
        return chronicle;
    }

    /** Returns a service-account key file (JSON) whose token_uri points at the Chronicle fake. */
    public String chronicleKeyJson() {
        return chronicleKeyJson;
    }

    /** Returns the Taegis fake (tenants host and token endpoint on one loopback host). */
    public FakeTaegis taegis() {
        return taegis;
    }

    /** Returns the Carbon Black fake ({@code defenseUri()} and {@code apiUri()}). */
    public FakeCarbonBlack carbonBlack() {
        return carbonBlack;
    }

    /** Returns the ServiceNow fake. */
    public FakeServiceNow serviceNow() {
        return serviceNow;
    }

    /** Returns the Stellar Cyber fake. */
    public FakeStellarCyber stellar() {
        return stellar;
    }

    /**
     * Adds a configuration item to the ServiceNow fake's {@code cmdb_ci} table.
     *
     * @param name the CI name
     * @return its sys_id
     */
    public String addServiceNowCi(String name) {
        return serviceNow.insert("cmdb_ci", java.util.Map.of("name", name, "sys_class_name", "cmdb_ci_service"));
    }

    /**
     * Holds every answer of every fake for a fixed time (real time), as distant vendors would.
     *
     * @param value the latency per request
     */
    public void latency(java.time.Duration value) {
        for (FakeVendor f : new FakeVendor[] {chronicle, taegis, carbonBlack, carbonBlack.apiHost(), serviceNow, stellar}) {
            f.latency(value);
        }
    }

    @Override
    public void close() {
        for (FakeVendor f : new FakeVendor[] {chronicle, taegis, carbonBlack, serviceNow, stellar}) {
            try {
                f.close();
            } catch (RuntimeException ignored) {
                // closing the rest matters more
            }
        }
    }
}
