package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recurring Live Query schedule.
 *
 * @param rrule    an RFC 5545 recurrence rule, for example {@code RRULE:FREQ=DAILY;BYHOUR=17;BYMINUTE=30;BYSECOND=0}
 * @param timezone an IANA time zone, for example {@code America/New_York}
 */
public record Schedule(@JsonProperty("rrule") String rrule, @JsonProperty("timezone") String timezone) {
}
