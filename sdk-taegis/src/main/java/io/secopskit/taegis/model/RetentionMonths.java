package io.secopskit.taegis.model;

/**
 * How long a tenant's data is kept ({@code TenantUpdateInput.dataRetentionMonths}, schema enum
 * {@code RetentionMonths}; from the vendor's public client, not the document). Sent by its name.
 */
public enum RetentionMonths {
    /** No retention. */
    ZERO_MONTHS,
    /** 1 month. */
    ONE_MONTH,
    /** 3 months. */
    THREE_MONTHS,
    /** 12 months. */
    TWELVE_MONTHS,
    /** 13 months. */
    THIRTEEN_MONTHS,
    /** 18 months. */
    EIGHTEEN_MONTHS,
    /** 24 months. */
    TWENTY_FOUR_MONTHS,
    /** 36 months. */
    THIRTY_SIX_MONTHS,
    /** 60 months. */
    SIXTY_MONTHS
}
