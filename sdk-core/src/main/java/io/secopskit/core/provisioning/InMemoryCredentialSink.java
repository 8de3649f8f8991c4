package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CredentialSink} that keeps every delivery in memory, in order. Thread-safe. Obtain one with
 * {@link CredentialSink#inMemory()}.
 */
@Beta
public final class InMemoryCredentialSink implements CredentialSink {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<CredentialDelivery> deliveries = new ArrayList<>();

    InMemoryCredentialSink() {
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void deliver(CredentialDelivery delivery) {
        lock.lock();
        try {
            deliveries.add(delivery);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every delivery of the customer. */
    @Override
    public boolean forget(String customerCode) {
        lock.lock();
        try {
            deliveries.removeIf(d -> d.customerCode().equals(customerCode));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns every delivery, oldest first.
     *
     * @return the deliveries
     */
    public List<CredentialDelivery> deliveries() {
        lock.lock();
        try {
            return List.copyOf(new ArrayList<>(deliveries));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the newest delivery for a customer at a vendor.
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @return the delivery, or empty
     */
    public Optional<CredentialDelivery> latest(String customerCode, String vendor) {
        lock.lock();
        try {
            for (int i = deliveries.size() - 1; i >= 0; i--) {
                CredentialDelivery d = deliveries.get(i);
                if (d.customerCode().equals(customerCode) && d.vendor().equals(vendor)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }
}
