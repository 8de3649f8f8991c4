package io.secopskit.core.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboards one customer to several vendors in a declared order, safely re-runnable:
 * <ul>
 *   <li><b>find before create</b> — each step first asks the vendor whether the tenant exists, so a re-run
 *       creates nothing twice;</li>
 *   <li><b>resume</b> — completed steps are written to an {@link OnboardingJournal}; when a step fails the
 *       run stops there, and the next run skips the steps the journal lists and continues at the failed
 *       one; once every step succeeds the journal entry is cleared;</li>
 *   <li>per-step timing and a summary {@link OnboardingResult}; credentials returned by vendors are in the
 *       result only, never in the journal or the logs.</li>
 * </ul>
 * Immutable; one run per customer at a time.
 */
public final class Onboarding {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.onboarding");

    private final List<TenantProvisioner> provisioners;
    private final OnboardingJournal journal;
    private final Clock clock;

    private Onboarding(Builder b) {
        if (b.provisioners.isEmpty()) {
            throw new IllegalArgumentException("at least one provisioner is required");
        }
        this.provisioners = List.copyOf(b.provisioners);
        this.journal = b.journal;
        this.clock = b.clock;
    }

    /**
     * Starts a builder (in-memory journal, system clock).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the onboarding. Vendor errors do not escape: a failing step is reported in the result with its
     * exception, and later steps are {@code SKIPPED}.
     *
     * @param spec the customer
     * @return what happened at each vendor
     */
    public OnboardingResult run(TenantSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, OnboardingJournal.StepRecord> done = journal.completedSteps(spec.customerCode());
        List<OnboardingResult.Step> steps = new ArrayList<>();
        boolean failed = false;
        for (TenantProvisioner p : provisioners) {
            if (failed) {
                steps.add(new OnboardingResult.Step(p.vendor(), OnboardingResult.Outcome.SKIPPED, null, null, Duration.ZERO, null));
                continue;
            }
            OnboardingJournal.StepRecord previous = done.get(p.vendor());
            if (previous != null) {
                steps.add(new OnboardingResult.Step(p.vendor(), OnboardingResult.Outcome.RESUMED, previous.tenantId(), null,
                        Duration.ZERO, null));
                continue;
            }
            Instant started = clock.instant();
            try {
                Optional<ProvisionedTenant> existing = p.find(spec);
                ProvisionedTenant tenant = existing.orElseGet(() -> p.provision(spec));
                Duration took = Duration.between(started, clock.instant());
                journal.stepCompleted(spec.customerCode(), new OnboardingJournal.StepRecord(p.vendor(), tenant.tenantId(),
                        tenant.status(), clock.instant()));
                OnboardingResult.Outcome outcome = tenant.status() == ProvisionedTenant.Status.CREATED
                        ? OnboardingResult.Outcome.CREATED : OnboardingResult.Outcome.FOUND;
                LOG.info("onboarding {}: {} {} tenant {} in {} ms", spec.customerCode(), p.vendor(), outcome,
                        tenant.tenantId(), took.toMillis());
                steps.add(new OnboardingResult.Step(p.vendor(), outcome, tenant.tenantId(), tenant, took, null));
            } catch (RuntimeException e) {
                failed = true;
                Duration took = Duration.between(started, clock.instant());
                LOG.warn("onboarding {}: {} failed after {} ms: {}", spec.customerCode(), p.vendor(), took.toMillis(),
                        e.getMessage());
                steps.add(new OnboardingResult.Step(p.vendor(), OnboardingResult.Outcome.FAILED, null, null, took, e));
            }
        }
        if (!failed) {
            journal.finished(spec.customerCode());
        }
        return new OnboardingResult(spec.customerCode(), steps);
    }

    /** Builds an {@link Onboarding}. */
    public static final class Builder {
        private final List<TenantProvisioner> provisioners = new ArrayList<>();
        private OnboardingJournal journal = OnboardingJournal.inMemory();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds the next step.
         *
         * @param provisioner the vendor's provisioner
         * @return this builder
         */
        public Builder step(TenantProvisioner provisioner) {
            this.provisioners.add(Objects.requireNonNull(provisioner, "provisioner"));
            return this;
        }

        /**
         * Sets the journal (default in memory; {@link OnboardingJournal#jsonFile} for re-runs across processes).
         *
         * @param value the journal
         * @return this builder
         */
        public Builder journal(OnboardingJournal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /**
         * Sets the clock used for step timings.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the orchestrator.
         *
         * @return the orchestrator
         */
        public Onboarding build() {
            return new Onboarding(this);
        }
    }
}
