package com.example.partner;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.CarbonBlackEnvironment;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.chronicle.ChronicleRegion;
import io.secopskit.core.Secret;
import io.secopskit.servicenow.ServiceNowClient;
import io.secopskit.stellar.StellarClient;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisRegion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A partner application as a partner would write it: it depends on the five vendor modules through the
 * SecOpsKit BOM (see this project's pom.xml) and builds one client per vendor for production hosts.
 * Building a client sends nothing, so this runs offline; the build runs it on the runtime classpath alone
 * to prove that classpath is complete.
 */
public final class PartnerApp {
    private PartnerApp() {
    }

    /**
     * Builds the five clients and prints one line per vendor.
     *
     * @param args ignored
     * @throws Exception if a client cannot be built
     */
    public static void main(String[] args) throws Exception {
        ChronicleClient chronicle = ChronicleClient.builder()
                .region(ChronicleRegion.EUROPE)
                .serviceAccountKey(new ByteArrayInputStream(serviceAccountKeyJson().getBytes(StandardCharsets.UTF_8)))
                .build();
        TaegisClient taegis = TaegisClient.builder()
                .region(TaegisRegion.US1)
                .clientCredentials("partner-client-id", Secret.of("partner-client-secret"))
                .build();
        CarbonBlackClient carbonBlack = CarbonBlackClient.builder()
                .environment(CarbonBlackEnvironment.of("prod05"))
                .apiKey("PARTNERAPIID", Secret.of("PARTNERAPISECRET"))
                .orgKey("PARTNER1")
                .build();
        ServiceNowClient serviceNow = ServiceNowClient.builder()
                .instance("partner")
                .basicAuth("integration.user", Secret.of("integration-password"))
                .build();
        StellarClient stellar = StellarClient.builder()
                .host("partner.stellarcyber.cloud")
                .apiKey("soc@partner.example", Secret.of("partner-api-key"))
                .build();

        print("chronicle", chronicle.customers());
        print("taegis", taegis.tenants());
        print("carbonblack", carbonBlack.feeds());
        print("servicenow", serviceNow.table("sn_si_incident"));
        print("stellar", stellar.tenants());
        System.out.println("PartnerApp: 5 vendor clients built");
    }

    private static void print(String vendor, Object client) {
        System.out.println("PartnerApp: " + vendor + " -> " + client.getClass().getName());
    }

    /** A throwaway service-account key of the documented JSON shape; nothing ever signs with it here. */
    private static String serviceAccountKeyJson() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        // PEM body on one line; "\\n" is the JSON escape for the line breaks around it
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        return "{\"type\":\"service_account\",\"project_id\":\"partner-project\",\"private_key_id\":\"k1\","
                + "\"private_key\":\"" + pem + "\",\"client_email\":\"partner@partner-project.iam.gserviceaccount.com\","
                + "\"client_id\":\"1\",\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
    }
}
