package io.secopskit.servicenow;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import java.util.List;

/**
 * ServiceNow refused to persist a record because mandatory columns are empty ("Mandatory fields missing:
 * x,y,z"). Fill them, or post with {@code WriteOptions.ignoreMandatoryFields(true)}.
 */
public class MandatoryFieldsMissingException extends InvalidRequestException {
    private final List<String> missingFields;

    /**
     * Creates the exception.
     *
     * @param info          what is known about the failure
     * @param missingFields the column names ServiceNow listed
     */
    public MandatoryFieldsMissingException(ErrorInfo info, List<String> missingFields) {
        super(info);
        this.missingFields = List.copyOf(missingFields);
    }

    /** Returns the mandatory columns that were missing, in ServiceNow's order. */
    public List<String> missingFields() {
        return missingFields;
    }
}
