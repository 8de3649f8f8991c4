package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an onboarding step by step: started, then exactly one of finished (CREATED, FOUND, RESUMED),
 * skipped, deferred or failed, each with vendor and elapsed time. Called on the thread that runs the step
 * (steps of one run may run concurrently); an exception thrown by a listener is logged and otherwise
 * ignored. Every method has an empty default.
 */
@Beta
public interface OnboardingListener {
    /**
     * A step started.
     *
     * @param event the event (outcome null)
     */
    default void stepStarted(StepEvent event) {
    }

    /**
     * A step completed: CREATED, FOUND or RESUMED.
     *
     * @param event the event
     */
    default void stepFinished(StepEvent event) {
    }

    /**
     * A step was not attempted because a step it depends on did not complete.
     *
     * @param event the event
     */
    default void stepSkipped(StepEvent event) {
    }

    /**
     * A step waits for a vendor quota ({@link StepEvent#resetsAt()}).
     *
     * @param event the event
     */
    default void stepDeferred(StepEvent event) {
    }

    /**
     * A step failed.
     *
     * @param event the event
     */
    default void stepFailed(StepEvent event) {
    }

    /**
     * Returns a listener that logs one line per event at INFO (failures at WARN) to the SLF4J logger
     * {@code io.secopskit.onboarding}.
     *
     * @return the listener
     */
    static OnboardingListener logging() {
        Logger log = LoggerFactory.getLogger("io.secopskit.onboarding");
        return new OnboardingListener() {
            @Override
            public void stepStarted(StepEvent e) {
                log.info("{}", e.describe());
            }

            @Override
            public void stepFinished(StepEvent e) {
                log.info("{}", e.describe());
            }

            @Override
            public void stepSkipped(StepEvent e) {
                log.info("{}", e.describe());
            }

            @Override
            public void stepDeferred(StepEvent e) {
                log.info("{}", e.describe());
            }

            @Override
            public void stepFailed(StepEvent e) {
                log.warn("{}", e.describe());
            }
        };
    }
}
