package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.ApiRequest;

/**
 * The tenant service's long-running operations ({@code operations.get}). Obtain it from
 * {@link TenantServiceClient#operations()}; it shares the client's pipeline. Thread-safe.
 */
@Beta
public final class OperationsClient {
    private final TenantServiceClient client;

    OperationsClient(TenantServiceClient client) {
        this.client = client;
    }

    /**
     * operations.get ({@code GET /v1alpha/{operation name}}): the current state of a {@code tenants.create}
     * operation. This is how a new process resumes waiting: {@code operations().get(savedName).await(timeout)}.
     * Accepts {@code projects/<p>/locations/<l>/instances/<i>/operations/<id>} and
     * {@code projects/<p>/locations/<l>/operations/<id>} (Google's examples show only
     * {@code .../operations/<id>}), in this client's location. Idempotent: retried on transient failures.
     *
     * @param operationName the operation's resource name
     * @return the operation
     * @throws ValidationException when the name is malformed or in another location than this client's host serves
     * @throws io.secopskit.core.error.NotFoundException when Google knows no such operation
     */
    public TenantOperation get(String operationName) {
        String[] p = operationName == null ? new String[0] : operationName.split("/", -1);
        ApiRequest request;
        if (p.length == 8 && p[0].equals("projects") && p[2].equals("locations") && p[4].equals("instances")
                && p[6].equals("operations")) {
            request = ApiRequest.of(TenantServiceClient.GET_OPERATION).path("project", checkProject(p[1], operationName))
                    .path("location", checkLocation(p[3], operationName))
                    .path("instance", TenantRules.serverId("GetOperation", "operation.instance", p[5]))
                    .path("operation", TenantRules.serverId("GetOperation", "operation", p[7])).build();
        } else if (p.length == 6 && p[0].equals("projects") && p[2].equals("locations") && p[4].equals("operations")) {
            request = ApiRequest.of(TenantServiceClient.GET_LOCATION_OPERATION).path("project", checkProject(p[1], operationName))
                    .path("location", checkLocation(p[3], operationName))
                    .path("operation", TenantRules.serverId("GetOperation", "operation", p[5])).build();
        } else {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "must be 'projects/<p>/locations/<l>/instances/<i>/operations/<id>' (was '"
                            + TenantRules.printable(operationName) + "')");
        }
        return client.toOperation(client.pipeline().call(request, TenantServiceClient.OperationJson.class), request.operation());
    }

    private static String checkProject(String project, String name) {
        try {
            return TenantRules.projectId("operation.project", project);
        } catch (ValidationException e) {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "has a malformed project (was '" + TenantRules.printable(name) + "')");
        }
    }

    private String checkLocation(String location, String name) {
        if (!client.instance().location().equals(location)) {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "is in location '" + TenantRules.printable(location) + "' but this client serves '"
                            + client.instance().location() + "' (was '" + TenantRules.printable(name) + "')");
        }
        return location;
    }
}
