package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.secopskit.core.Beta;
import java.util.Objects;

/**
 * The status of a tenant's creation workflow, from a {@code tenants.create} operation's
 * {@code metadata.creationWorkflowStatus}. An open type: Google documents {@link #ERROR} and
 * {@link #CANCELLED} (a workflow "stuck" there is retried by resending the same request) but not the
 * other values, so any value Google sends is kept as it comes and compared by its text.
 */
@Beta
public final class CreationWorkflowStatus {
    /** The workflow failed; the operation may still say {@code done: false}. Documented. */
    public static final CreationWorkflowStatus ERROR = new CreationWorkflowStatus("ERROR");
    /** The workflow was cancelled; treated like {@link #ERROR}. Documented. */
    public static final CreationWorkflowStatus CANCELLED = new CreationWorkflowStatus("CANCELLED");

    private final String value;

    private CreationWorkflowStatus(String value) {
        this.value = value;
    }

    /**
     * Returns the status for a value Google sent.
     *
     * @param value the value, for example {@code ERROR}
     * @return the status
     */
    @JsonCreator
    public static CreationWorkflowStatus of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.equals(ERROR.value)) {
            return ERROR;
        }
        return value.equals(CANCELLED.value) ? CANCELLED : new CreationWorkflowStatus(value);
    }

    /**
     * Returns the value as Google sends it.
     *
     * @return the value as Google sends it
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Returns whether the workflow has stopped without a tenant ({@link #ERROR} or {@link #CANCELLED}):
     * waiting longer will not help; resending the same {@code tenants.create} retries it.
     *
     * @return true for ERROR and CANCELLED
     */
    public boolean isStuck() {
        return this.equals(ERROR) || this.equals(CANCELLED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreationWorkflowStatus s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
