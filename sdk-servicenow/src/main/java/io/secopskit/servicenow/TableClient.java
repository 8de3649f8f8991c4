package io.secopskit.servicenow;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.model.TableQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Table API for one table ({@code /api/now/table/{table}}), reading and writing records as {@code T}
 * (a record class, or {@code Map<String, Object>}). Obtain it from {@link ServiceNowClient#table(String)}.
 * Thread-safe.
 *
 * @param <T> record type
 */
public final class TableClient<T> {
    private static final String BASE = "/api/now/table/{table}";
    static final Operation LIST = Operation.builder(Responses.VENDOR, "TableList", "GET", BASE).build();
    static final Operation GET = Operation.builder(Responses.VENDOR, "TableGet", "GET", BASE + "/{sys_id}").build();
    static final Operation CREATE = Operation.builder(Responses.VENDOR, "TableCreate", "POST", BASE).build();
    static final Operation UPDATE = Operation.builder(Responses.VENDOR, "TableUpdate", "PATCH", BASE + "/{sys_id}")
            .idempotent(true).build();
    static final Operation DELETE = Operation.builder(Responses.VENDOR, "TableDelete", "DELETE", BASE + "/{sys_id}").build();

    private final VendorPipeline pipeline;
    private final String table;
    private final JavaType type;

    TableClient(VendorPipeline pipeline, String table, JavaType type) {
        if (table == null || !table.matches("[a-z0-9_]+")) {
            throw new ValidationException(Responses.VENDOR, "Table", "table",
                    "must be a table name of lowercase letters, digits and '_' (was '" + table + "')");
        }
        this.pipeline = pipeline;
        this.table = table;
        this.type = type;
    }

    /** Returns the table name. */
    public String table() {
        return table;
    }

    private record Position(String nextUrl, long offset) {
    }

    private static final Pager.StateCodec<Position> POSITION = Pager.StateCodec.of(
            p -> p.offset() + "|" + (p.nextUrl() == null ? "" : p.nextUrl()),
            t -> new Position(t.indexOf('|') + 1 == t.length() ? null : t.substring(t.indexOf('|') + 1),
                    Long.parseLong(t.substring(0, t.indexOf('|')))));

    /**
     * Lists records lazily. Follows the {@code Link: rel="next"} header the instance sends; when there is
     * none, continues with {@code sysparm_offset} while {@code X-Total-Count} (or a full page) says more
     * records follow.
     *
     * @param query encoded query, fields, display value and page size
     * @return the records
     */
    public PagedIterable<T> list(TableQuery query) {
        Objects.requireNonNull(query, "query");
        return Pager.of(LIST.vendor() + "." + table + ".list", new Position(null, 0), POSITION, (Position at) -> {
            ApiRequest request = at.nextUrl() != null
                    ? ApiRequest.of(LIST).path("table", table).absoluteUrl(at.nextUrl()).build()
                    : ApiRequest.of(LIST).path("table", table)
                            .query("sysparm_query", query.query())
                            .query("sysparm_fields", query.fields().isEmpty() ? null : String.join(",", query.fields()))
                            .query("sysparm_display_value", query.displayValue() == null ? null
                                    : query.displayValue().name().toLowerCase(Locale.ROOT))
                            .query("sysparm_exclude_reference_link", query.excludeReferenceLink() ? true : null)
                            .query("sysparm_limit", query.pageSize())
                            .query("sysparm_offset", at.offset())
                            .build();
            ApiResponse response = Responses.send(pipeline, request);
            List<T> items = readList(request, response);
            long next = at.offset() + items.size();
            String total = response.header("X-Total-Count");
            long totalCount = total == null ? -1 : Long.parseLong(total.trim());
            String link = Responses.nextLink(response.header("Link"));
            Position following;
            if (items.isEmpty()) {
                following = null;
            } else if (link != null) {
                following = new Position(link, next);
            } else if (totalCount >= 0) {
                following = next < totalCount ? new Position(null, next) : null;
            } else {
                following = items.size() >= query.pageSize() ? new Position(null, next) : null;
            }
            return new Pager.Step<>(items, following, totalCount);
        });
    }

    private List<T> readList(ApiRequest request, ApiResponse response) {
        JsonNode result = Responses.tree(pipeline, request, response).path("result");
        List<T> out = new ArrayList<>(result.size());
        for (JsonNode node : result) {
            out.add(convert(request, node));
        }
        return out;
    }

    private T convert(ApiRequest request, JsonNode node) {
        try {
            return pipeline.mapper().readerFor(type).readValue(node);
        } catch (IOException e) {
            throw new io.secopskit.core.error.ServerException(io.secopskit.core.error.ErrorInfo.of(Responses.VENDOR,
                    request.operation().name()).withVendorMessage("could not read a " + table + " record as "
                    + type.getRawClass().getSimpleName()), e);
        }
    }

    private T single(ApiRequest request) {
        return convert(request, Responses.json(pipeline, request).path("result"));
    }

    /**
     * Reads a record ({@code GET /api/now/table/{table}/{sys_id}}).
     *
     * @param sysId the record's {@code sys_id}
     * @return the record
     * @throws io.secopskit.core.error.NotFoundException when there is no such record
     */
    public T get(String sysId) {
        return single(ApiRequest.of(GET).path("table", table).path("sys_id", sysId(GET, sysId)).build());
    }

    /**
     * Creates a record ({@code POST /api/now/table/{table}}, 201). Not retried.
     *
     * @param record the column values
     * @return the created record as stored
     */
    public T create(Object record) {
        Objects.requireNonNull(record, "record");
        return single(ApiRequest.of(CREATE).path("table", table).json(record).build());
    }

    /**
     * Changes columns of a record ({@code PATCH /api/now/table/{table}/{sys_id}}).
     *
     * @param sysId   the record's {@code sys_id}
     * @param changes the columns to set
     * @return the record after the change
     */
    public T update(String sysId, Object changes) {
        Objects.requireNonNull(changes, "changes");
        return single(ApiRequest.of(UPDATE).path("table", table).path("sys_id", sysId(UPDATE, sysId)).json(changes).build());
    }

    /**
     * Deletes a record ({@code DELETE /api/now/table/{table}/{sys_id}}).
     *
     * @param sysId the record's {@code sys_id}
     */
    public void delete(String sysId) {
        Responses.send(pipeline, ApiRequest.of(DELETE).path("table", table).path("sys_id", sysId(DELETE, sysId)).build());
    }

    private static String sysId(Operation op, String sysId) {
        if (sysId == null || !sysId.matches("[0-9a-f]{32}")) {
            throw new ValidationException(Responses.VENDOR, op.name(), "sys_id", "must be 32 lowercase hex characters (was '"
                    + sysId + "')");
        }
        return sysId;
    }
}
