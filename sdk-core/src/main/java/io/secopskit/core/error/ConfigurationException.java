package io.secopskit.core.error;

/**
 * A client or option could not be built from what it was given: a missing or contradictory setting, an
 * unreadable key file, a plain-http endpoint for credentials. The one exception type every builder
 * throws; the message names the setting and the rule, never a secret value.
 */
public class ConfigurationException extends SecOpsException {
    private final String setting;
    private final String rule;

    /**
     * Creates a configuration failure.
     *
     * @param vendor  vendor id (or {@code "secopskit"} for settings shared by every vendor)
     * @param setting the builder setting, for example {@code clientSecret}
     * @param rule    what is wrong, in plain words
     * @param cause   the underlying failure, or null
     */
    public ConfigurationException(String vendor, String setting, String rule, Throwable cause) {
        super(ErrorInfo.of(vendor, "configuration").withVendorMessage(setting + ": " + rule), cause);
        this.setting = setting;
        this.rule = rule;
    }

    /**
     * Creates a configuration failure without a cause.
     *
     * @param vendor  vendor id
     * @param setting the builder setting
     * @param rule    what is wrong
     */
    public ConfigurationException(String vendor, String setting, String rule) {
        this(vendor, setting, rule, null);
    }

    /** Returns the setting that is wrong. */
    public String setting() {
        return setting;
    }

    /** Returns the rule, in plain words. */
    public String rule() {
        return rule;
    }
}
