package io.secopskit.core.provisioning;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;

/**
 * The customer's binding points at a tenant that the vendor no longer has, or that carries another
 * customer's code. Nothing is created or changed: a person must decide (remove the binding to create
 * afresh, or fix the tag).
 */
public class BindingMismatchException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @param tenantId     the bound tenant id
     * @param problem      what is wrong
     */
    public BindingMismatchException(String customerCode, String vendor, String tenantId, String problem) {
        super(ErrorInfo.of(vendor, "onboarding.binding").withVendorMessage("customer " + customerCode + " is bound to tenant "
                + tenantId + ", which " + problem + "; nothing was created"));
    }
}
