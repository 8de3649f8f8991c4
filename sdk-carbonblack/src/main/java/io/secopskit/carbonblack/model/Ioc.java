package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An indicator of compromise in a report ({@code iocs_v2}).
 *
 * @param id        IOC id, unique in the report
 * @param matchType {@code query}, {@code equality} or {@code regex}
 * @param values    values: exactly one search query for {@code query}; one or more for the others
 * @param field     the field matched, required for {@code equality} and {@code regex}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ioc(
        @JsonProperty("id") String id,
        @JsonProperty("match_type") String matchType,
        @JsonProperty("values") List<String> values,
        @JsonProperty("field") String field) {

    /**
     * Copies the values.
     *
     * @param id        IOC id
     * @param matchType {@code query}, {@code equality} or {@code regex}
     * @param values    the values, or null for none
     * @param field     the field matched, or null
     */
    public Ioc {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * An equality IOC.
     *
     * @param id     IOC id
     * @param field  the field, for example {@code netconn_ipv4}
     * @param values the values
     * @return the IOC
     */
    public static Ioc equality(String id, String field, String... values) {
        return new Ioc(id, "equality", List.of(values), field);
    }

    /**
     * A query IOC.
     *
     * @param id    IOC id
     * @param query the search query
     * @return the IOC
     */
    public static Ioc query(String id, String query) {
        return new Ioc(id, "query", List.of(query), null);
    }
}
