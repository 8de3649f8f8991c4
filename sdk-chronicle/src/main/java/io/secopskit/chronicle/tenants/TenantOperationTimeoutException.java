package io.secopskit.chronicle.tenants;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link TenantOperation#await(Duration)} reached its deadline while the operation was still running.
 * Nothing failed: keep the {@link #operationName()} and wait again later, from this process or another
 * ({@link OperationsClient#get(String)}). {@link #isRetryable()} is true.
 */
@Beta
public class TenantOperationTimeoutException extends SecOpsException {
    private final String operationName;
    private final CreationWorkflowStatus workflowStatus;
    private final Duration waited;

    /**
     * Creates the exception.
     *
     * @param info           what is known
     * @param operationName  the operation's resource name
     * @param workflowStatus the last workflow status, or null
     * @param waited         how long the caller waited
     */
    public TenantOperationTimeoutException(ErrorInfo info, String operationName, CreationWorkflowStatus workflowStatus,
                                           Duration waited) {
        super(info);
        this.operationName = operationName;
        this.workflowStatus = workflowStatus;
        this.waited = waited;
    }

    /**
     * Returns the operation's resource name, to resume waiting.
     *
     * @return the operation's resource name, to resume waiting
     */
    public String operationName() {
        return operationName;
    }

    /**
     * Returns the last workflow status seen, when Google sent one.
     *
     * @return the last workflow status seen, when Google sent one
     */
    public Optional<CreationWorkflowStatus> workflowStatus() {
        return Optional.ofNullable(workflowStatus);
    }

    /**
     * Returns how long the caller waited (by the client's clock).
     *
     * @return how long the caller waited (by the client's clock)
     */
    public Duration waited() {
        return waited;
    }
}
