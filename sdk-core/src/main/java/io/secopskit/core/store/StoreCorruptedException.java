package io.secopskit.core.store;

/**
 * A stored entry cannot be read: the message names the store (file) and the entry. Only the customer the
 * entry belongs to is affected; every other customer's entries still read.
 */
public class StoreCorruptedException extends StoreException {
    private final String location;
    private final String entry;

    /**
     * Creates the exception.
     *
     * @param location the store, for example the database file
     * @param entry    which entry, for example {@code journal #42 (customer acme, vendor taegis)}
     * @param cause    why it cannot be read
     */
    public StoreCorruptedException(String location, String entry, Throwable cause) {
        super("read", "unreadable entry in " + location + ": " + entry
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getClass().getSimpleName() + ")"), cause);
        this.location = location;
        this.entry = entry;
    }

    /** Returns the store location, for example the database file. */
    public String location() {
        return location;
    }

    /** Returns which entry cannot be read. */
    public String entry() {
        return entry;
    }
}
