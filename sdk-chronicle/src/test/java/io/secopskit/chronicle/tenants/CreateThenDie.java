package io.secopskit.chronicle.tenants;

import java.net.URI;
import java.nio.file.Path;

/**
 * A separate JVM for {@link TenantRestartTest}: creates a tenant, prints the operation name, polls once,
 * then dies without any shutdown (as a killed process would).
 */
public final class CreateThenDie {
    private CreateThenDie() {
    }

    /**
     * Entry point.
     *
     * @param args endpoint, key file, partner instance, customer code
     */
    public static void main(String[] args) {
        TenantServiceClient client = TenantServiceClient.builder().endpoint(URI.create(args[0]))
                .serviceAccountKey(Path.of(args[1])).instance(args[2]).build();
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full(args[3]).build());
        System.out.println("OPERATION " + op.name());
        System.out.flush();
        op.poll();
        Runtime.getRuntime().halt(137);
    }
}
