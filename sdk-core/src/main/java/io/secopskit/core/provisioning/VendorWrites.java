package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.function.Supplier;

/**
 * How a {@link TenantOffboarder} sends every vendor write: through the offboarding run that called it. Before each
 * write the run re-checks its customer lease (the fence), so a run that lost the customer sends nothing; it
 * records the intent in the evidence, sends, then records the outcome with the vendor's request id. An
 * offboarder never repeats a write itself: it reads first and writes only what is still missing.
 */
@Beta
public interface VendorWrites {
    /**
     * Sends one vendor write.
     *
     * @param operation the vendor operation, for example {@code taegis.updateTenant}
     * @param target    the resource it acts on (tenant, feed, SSO connection id)
     * @param write     the call
     * @param <T>       what the call answers
     * @return the answer
     * @throws LeaseLostException when the run lost the customer's lease; nothing was sent
     * @throws RuntimeException   the call's own failure, after it was recorded
     */
    <T> T send(String operation, String target, Supplier<T> write);

    /**
     * Sends one vendor delete. A 404 answer counts as done (outcome {@code GONE}): the offboarder read the resource
     * before, so it is gone now — removed by an earlier attempt whose answer was lost, or by someone else.
     *
     * @param operation the vendor operation, for example {@code stellar.DeleteTenant}
     * @param target    the resource it deletes
     * @param delete    the call
     * @return true when deleted now, false when the vendor answered that it was already gone
     * @throws LeaseLostException when the run lost the customer's lease; nothing was sent
     * @throws RuntimeException   any other failure, after it was recorded
     */
    boolean sendDelete(String operation, String target, Runnable delete);
}
