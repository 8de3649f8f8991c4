package io.secopskit.servicenow.model;

/**
 * The SecOps integration API's configuration parameters, sent as query parameters on every post (all
 * {@code false} by default).
 *
 * @param ignoreMandatoryFields persist even when mandatory columns are empty ({@code ignore_mandatory_fields})
 * @param includeWrap           wrap the answer in the scripted REST {@code result} envelope ({@code include_wrap})
 * @param simpleResponse        answer only whether the write succeeded ({@code simple_response})
 */
public record WriteOptions(boolean ignoreMandatoryFields, boolean includeWrap, boolean simpleResponse) {
    private static final WriteOptions DEFAULTS = new WriteOptions(false, false, false);

    /**
     * Returns all three options off.
     *
     * @return the defaults
     */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with {@code ignore_mandatory_fields} set.
     *
     * @param value the flag
     * @return the copy
     */
    public WriteOptions withIgnoreMandatoryFields(boolean value) {
        return new WriteOptions(value, includeWrap, simpleResponse);
    }

    /**
     * Returns a copy with {@code include_wrap} set.
     *
     * @param value the flag
     * @return the copy
     */
    public WriteOptions withIncludeWrap(boolean value) {
        return new WriteOptions(ignoreMandatoryFields, value, simpleResponse);
    }

    /**
     * Returns a copy with {@code simple_response} set.
     *
     * @param value the flag
     * @return the copy
     */
    public WriteOptions withSimpleResponse(boolean value) {
        return new WriteOptions(ignoreMandatoryFields, includeWrap, value);
    }
}
