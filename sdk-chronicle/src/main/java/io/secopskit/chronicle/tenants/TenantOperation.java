package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code tenants.create} long-running operation as last seen: its name, whether it is done, the
 * creation workflow status, and the tenant (or error) once done. Immutable and thread-safe;
 * {@link #poll()} returns a fresh snapshot and {@link #await(Duration)} polls until the tenant is there.
 *
 * <p>Google documents that provisioning can fail while {@code done} stays false and the workflow status
 * turns {@code ERROR}; so every snapshot is checked for that, and waiting always has a deadline.
 *
 * <p><strong>Resuming after a restart:</strong> the operation name is all that is needed. Store
 * {@link #name()}; a new process calls {@code tenantService.operations().get(name)} ({@link OperationsClient#get})
 * with it and awaits again.
 */
@Beta
public final class TenantOperation {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.chronicle.tenants");

    private final TenantServiceClient client;
    private final String name;
    private final boolean done;
    private final CreationWorkflowStatus workflowStatus;
    private final String tenantName;
    private final Tenant tenant;
    private final OperationError error;

    TenantOperation(TenantServiceClient client, String name, boolean done, CreationWorkflowStatus workflowStatus,
                    String tenantName, Tenant tenant, OperationError error) {
        this.client = client;
        this.name = name;
        this.done = done;
        this.workflowStatus = workflowStatus;
        this.tenantName = tenantName;
        this.tenant = tenant;
        this.error = error;
        if (done && tenant == null && error == null) {
            throw new ServerException(ErrorInfo.of(Rules.VENDOR, CreateTenantRequest.OP).withVendorCode("MALFORMED_OPERATION")
                    .withVendorMessage("operation " + name + " is done but carries neither a response nor an error"));
        }
    }

    /**
     * Returns the operation's resource name; keep it to resume waiting from another process.
     *
     * @return the operation's resource name; keep it to resume waiting from another process
     */
    public String name() {
        return name;
    }

    /**
     * Returns whether the operation said {@code done: true} when last seen.
     *
     * @return whether the operation said {@code done: true} when last seen
     */
    public boolean isDone() {
        return done;
    }

    /**
     * Returns the creation workflow status when last seen ({@code metadata.creationWorkflowStatus}), if sent.
     *
     * @return the creation workflow status when last seen ({@code metadata.creationWorkflowStatus}), if sent
     */
    public Optional<CreationWorkflowStatus> workflowStatus() {
        return Optional.ofNullable(workflowStatus);
    }

    /**
     * Returns the resource name of the tenant being created ({@code metadata.tenant}), if sent.
     *
     * @return the resource name of the tenant being created ({@code metadata.tenant}), if sent
     */
    public Optional<String> tenantName() {
        return Optional.ofNullable(tenantName);
    }

    /**
     * Returns the tenant, once the operation is done and succeeded.
     *
     * @return the tenant, once the operation is done and succeeded
     */
    public Optional<Tenant> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * Returns the operation's error, once it is done and failed.
     *
     * @return the operation's error, once it is done and failed
     */
    public Optional<OperationError> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns whether this snapshot shows a failure: done with an error, or not done with the workflow
     * in {@code ERROR} or {@code CANCELLED}.
     *
     * @return true when waiting longer cannot produce a tenant
     */
    public boolean isFailed() {
        return done ? error != null : workflowStatus != null && workflowStatus.isStuck();
    }

    /**
     * Fetches the operation again ({@code operations.get}, one request).
     *
     * @return the new snapshot
     */
    public TenantOperation poll() {
        return client.operations().get(name);
    }

    /**
     * Polls until the tenant is there, the operation fails, or {@code timeout} passes. The interval
     * between polls starts at the client's initial poll interval and doubles up to its maximum (1 s and
     * 30 s unless configured); the waits go through the client's {@link io.secopskit.core.http.Sleeper}
     * and the deadline is measured on its clock, both from {@code ClientOptions}. The last wait is cut
     * short so that one final poll happens at the deadline.
     *
     * @param timeout how long to wait at most
     * @return the tenant
     * @throws TenantOperationFailedException when the operation finished with an error, or its workflow
     *         status is ERROR or CANCELLED while it is not done (with the status and the operation name)
     * @throws TenantOperationTimeoutException when the deadline passes while the workflow is still running
     * @throws TransportException when interrupted while waiting (the interrupt flag is restored)
     */
    public Tenant await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        Clock clock = client.clock();
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration interval = client.initialPollInterval();
        TenantOperation current = this;
        while (true) {
            Tenant result = current.tenantOrThrow();
            if (result != null) {
                return result;
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new TenantOperationTimeoutException(new ErrorInfo(Rules.VENDOR, CreateTenantRequest.OP, 0,
                        "DEADLINE_EXCEEDED", "operation " + name + " still running after "
                        + Duration.between(start, clock.instant()) + " (workflow status " + current.workflowStatus
                        + "); wait again with TenantServiceClient.operations().get(name).await(...)", null, true),
                        name, current.workflowStatus, Duration.between(start, clock.instant()));
            }
            Duration wait = interval.compareTo(remaining) < 0 ? interval : remaining;
            LOG.debug("{}: workflow {}, next poll in {} ms", name, current.workflowStatus, wait.toMillis());
            try {
                client.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(ErrorInfo.of(Rules.VENDOR, "GetOperation")
                        .withVendorMessage("interrupted while waiting for operation " + name), e);
            }
            Duration doubled = interval.multipliedBy(2);
            interval = doubled.compareTo(client.maxPollInterval()) > 0 ? client.maxPollInterval() : doubled;
            current = current.poll();
        }
    }

    /** Returns the tenant when done, null while running, or throws when failed. */
    private Tenant tenantOrThrow() {
        if (done && error != null) {
            throw new TenantOperationFailedException(new ErrorInfo(Rules.VENDOR, CreateTenantRequest.OP, 0,
                    error.statusName(), "operation " + name + " finished with error " + error.code() + " "
                    + error.statusName() + ": " + error.message() + " (workflow status " + workflowStatus
                    + "); resend the same tenants.create request to retry", null, true),
                    name, workflowStatus, error, true);
        }
        if (done) {
            return tenant;
        }
        if (workflowStatus != null && workflowStatus.isStuck()) {
            throw new TenantOperationFailedException(new ErrorInfo(Rules.VENDOR, CreateTenantRequest.OP, 0,
                    workflowStatus.value(), "creation workflow status " + workflowStatus + " while operation " + name
                    + " is not done; resend the same tenants.create request to retry the workflow", null, true),
                    name, workflowStatus, null, false);
        }
        return null;
    }

    @Override
    public String toString() {
        return "TenantOperation{name=" + name + ", done=" + done + ", workflowStatus=" + workflowStatus
                + ", tenant=" + (tenant != null ? tenant.name() : tenantName) + (error != null ? ", error=" + error : "") + "}";
    }
}
