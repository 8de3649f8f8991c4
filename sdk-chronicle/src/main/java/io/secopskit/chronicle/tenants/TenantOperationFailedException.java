package io.secopskit.chronicle.tenants;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import java.util.Optional;

/**
 * A tenant creation failed: either the operation finished with an {@code error}, or — the case Google
 * documents — its workflow status turned {@code ERROR} (or {@code CANCELLED}) while {@code done} stayed
 * false. Carries the operation name and the status. Resending the same {@code tenants.create} request
 * retries the workflow (documented), so {@link #isRetryable()} is true.
 */
@Beta
public class TenantOperationFailedException extends SecOpsException {
    private final String operationName;
    private final CreationWorkflowStatus workflowStatus;
    private final OperationError operationError;
    private final boolean done;

    /**
     * Creates the exception.
     *
     * @param info           what is known (vendor code: the workflow status, or the error's canonical name)
     * @param operationName  the operation's resource name
     * @param workflowStatus the last workflow status, or null when Google sent none
     * @param operationError the operation's error when it finished with one, or null
     * @param done           whether the operation said {@code done: true}
     */
    public TenantOperationFailedException(ErrorInfo info, String operationName, CreationWorkflowStatus workflowStatus,
                                          OperationError operationError, boolean done) {
        super(info);
        this.operationName = operationName;
        this.workflowStatus = workflowStatus;
        this.operationError = operationError;
        this.done = done;
    }

    /**
     * Returns the operation's resource name: waiting can be resumed from it.
     *
     * @return the operation's resource name: waiting can be resumed from it
     */
    public String operationName() {
        return operationName;
    }

    /**
     * Returns the last creation workflow status, when Google sent one.
     *
     * @return the last creation workflow status, when Google sent one
     */
    public Optional<CreationWorkflowStatus> workflowStatus() {
        return Optional.ofNullable(workflowStatus);
    }

    /**
     * Returns the operation's error, when it finished with one.
     *
     * @return the operation's error, when it finished with one
     */
    public Optional<OperationError> operationError() {
        return Optional.ofNullable(operationError);
    }

    /**
     * Returns whether the operation said {@code done: true} (false for the ERROR-while-running case).
     *
     * @return whether the operation said {@code done: true} (false for the ERROR-while-running case)
     */
    public boolean isDone() {
        return done;
    }
}
