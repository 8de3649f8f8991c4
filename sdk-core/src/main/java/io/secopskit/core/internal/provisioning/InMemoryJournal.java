package io.secopskit.core.internal.provisioning;

import io.secopskit.core.provisioning.OnboardingJournal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OnboardingJournal} in memory. Internal. */
public final class InMemoryJournal implements OnboardingJournal {
    private final Map<String, Map<String, StepRecord>> runs = new ConcurrentHashMap<>();

    @Override
    public Map<String, StepRecord> completedSteps(String customerCode) {
        return Map.copyOf(runs.getOrDefault(customerCode, Map.of()));
    }

    @Override
    public void stepCompleted(String customerCode, StepRecord step) {
        runs.computeIfAbsent(customerCode, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()))
                .put(step.vendor(), step);
    }

    @Override
    public void finished(String customerCode) {
        runs.remove(customerCode);
    }
}
