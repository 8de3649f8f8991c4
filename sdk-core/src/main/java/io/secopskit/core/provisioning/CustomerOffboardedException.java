package io.secopskit.core.provisioning;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;

/**
 * The customer was offboarded (a binding is suspended or removed), so onboarding refuses to run; nothing was
 * sent. Deferred onboardings of such a customer are cancelled.
 */
public class CustomerOffboardedException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param customerCode the customer
     * @param detail       which bindings are not active
     */
    public CustomerOffboardedException(String customerCode, String detail) {
        super(ErrorInfo.of("onboarding", "run").withVendorMessage("customer " + customerCode + " was offboarded (" + detail
                + "); onboarding refused"));
    }
}
