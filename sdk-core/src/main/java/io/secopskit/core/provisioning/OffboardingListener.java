package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;

/**
 * Follows an offboarding (or restore) run step by step: one call per vendor step when it ends, on the thread that
 * runs it. An exception thrown by a listener is logged and otherwise ignored. Every method has an empty default.
 */
@Beta
public interface OffboardingListener {
    /**
     * A step ended.
     *
     * @param step what happened
     */
    default void stepFinished(OffboardingResult.Step step) {
    }
}
