package io.secopskit.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.Inputs;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.model.TableQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Table API for one table ({@code /api/now/table/{table}}), reading and writing records as {@code T}
 * (a record class, or {@code Map<String, Object>}). Obtain it from {@link ServiceNowClient#table(String)}.
 * Thread-safe.
 *
 * <p>Retries: {@link #list}, {@link #get} and {@link #delete} are repeated after transient failures
 * (connection lost, timeouts, 429/5xx) within the client's retry policy. {@link #create} and
 * {@link #update} are sent at most once — a create repeated after a lost answer would make a second
 * record, and an update may append to journal fields (work notes, comments) or run business rules again —
 * so their transient failures reach the caller as typed exceptions. A repeated {@link #delete} whose first
 * attempt did reach the instance gets {@link io.secopskit.core.error.NotFoundException}.
 *
 * <p>Every answer is checked: a 2xx without {@code result} (or with {@code result: null}) is a
 * {@link io.secopskit.core.error.ServerException} with code {@code MISSING_FIELD}, an HTML page (a
 * hibernating instance) a {@code ServerException} saying so — never a null or a silent success.
 *
 * @param <T> record type
 */
public final class TableClient<T> {
    private static final String BASE = "/api/now/table/{table}";
    private static final Pattern TABLE = Pattern.compile("[a-z0-9_]{1,80}");
    static final Operation LIST = Operation.builder(ServiceNowClient.VENDOR, "TableList", "GET", BASE).build();
    static final Operation GET = Operation.builder(ServiceNowClient.VENDOR, "TableGet", "GET", BASE + "/{sys_id}").build();
    static final Operation CREATE = Operation.builder(ServiceNowClient.VENDOR, "TableCreate", "POST", BASE).build();
    static final Operation UPDATE = Operation.builder(ServiceNowClient.VENDOR, "TableUpdate", "PATCH", BASE + "/{sys_id}")
            .idempotent(false).build();
    static final Operation DELETE = Operation.builder(ServiceNowClient.VENDOR, "TableDelete", "DELETE",
            BASE + "/{sys_id}").build();

    private final VendorPipeline pipeline;
    private final String table;
    private final Class<T> type;

    TableClient(VendorPipeline pipeline, String table, Class<T> type) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new ValidationException(ServiceNowClient.VENDOR, "Table", "table",
                    "must be a table name of 1 to 80 lowercase letters, digits and '_' (got " + Inputs.quote(table) + ")");
        }
        this.pipeline = pipeline;
        this.table = table;
        this.type = Objects.requireNonNull(type, "type");
    }

    /** Returns the table name. */
    public String table() {
        return table;
    }

    /** Where the next page comes from: the vendor's next link when it may be followed, else the offset. */
    private record Position(long offset, String nextUrl) {
    }

    private static final Pager.StateCodec<Position> POSITION = Pager.StateCodec.of(
            p -> p.offset() + (p.nextUrl() == null ? "" : "|" + p.nextUrl()),
            text -> {
                int bar = text.indexOf('|');
                long offset = Long.parseLong(bar < 0 ? text : text.substring(0, bar));
                if (offset < 0) {
                    throw new IllegalArgumentException("negative offset");
                }
                return new Position(offset, bar < 0 ? null : text.substring(bar + 1));
            });

    /**
     * Lists records lazily, one page in memory ({@code GET /api/now/table/{table}} with
     * {@code sysparm_query}, {@code sysparm_fields}, {@code sysparm_display_value},
     * {@code sysparm_exclude_reference_link}, {@code sysparm_limit} and {@code sysparm_offset}).
     * Follows the {@code Link: rel="next"} URL the instance sends when it points to this client's own
     * origin and this table's path (any other link is not followed: paging continues by offset); without
     * a link, continues by {@code sysparm_offset} while {@code X-Total-Count} (or a full page) says more
     * records follow. Every page but the last carries a continuation token for
     * {@link PagedIterable#byPage(String)}; a token is valid only for the same table and query.
     *
     * @param query which records, in which order, which columns, page size
     * @return the records
     * @throws io.secopskit.core.error.SecOpsException while iterating, for any failure
     */
    public PagedIterable<T> list(TableQuery query) {
        Objects.requireNonNull(query, "query");
        URI own = pipeline.url(first(query, 0));
        String scope = LIST.qualifiedName() + "(" + table + ",q" + Integer.toHexString(signature(query)) + ")";
        return Pager.of(scope, new Position(0, null), POSITION, (Position at) -> {
            ApiRequest request = at.nextUrl() != null && followable(own, at.nextUrl())
                    ? ApiRequest.of(LIST).path("table", table).absoluteUrl(at.nextUrl()).build()
                    : first(query, at.offset());
            ApiResponse response = pipeline.execute(request);
            List<T> items = readList(response);
            long next = at.offset() + items.size();
            long total = Responses.count(response.header("X-Total-Count"));
            String link = Responses.nextLink(response.header("Link"));
            Position following;
            if (items.isEmpty()) {
                following = null;
            } else if (link != null) {
                following = new Position(next, link);
            } else if (total >= 0) {
                following = next < total ? new Position(next, null) : null;
            } else {
                following = items.size() >= query.pageSize() ? new Position(next, null) : null;
            }
            return new Pager.Step<>(items, following, total);
        });
    }

    private ApiRequest first(TableQuery query, long offset) {
        return ApiRequest.of(LIST).path("table", table)
                .query("sysparm_query", query.encodedQuery())
                .query("sysparm_fields", query.fields().isEmpty() ? null : String.join(",", query.fields()))
                .query("sysparm_display_value", query.displayValue() == null ? null
                        : query.displayValue().name().toLowerCase(Locale.ROOT))
                .query("sysparm_exclude_reference_link", query.excludeReferenceLink() ? true : null)
                .query("sysparm_limit", query.pageSize())
                .query("sysparm_offset", offset)
                .build();
    }

    private static int signature(TableQuery query) {
        return Objects.hash(query.encodedQuery(), query.fields(), query.displayValue(), query.excludeReferenceLink(),
                query.pageSize());
    }

    /** A next link is followed only to this client's scheme, host and port, and this table's path. */
    private static boolean followable(URI own, String link) {
        URI given;
        try {
            given = URI.create(link);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return given.isAbsolute() && own.getScheme().equalsIgnoreCase(given.getScheme())
                && own.getHost().equalsIgnoreCase(given.getHost()) && port(own) == port(given)
                && own.getRawPath().equals(given.getRawPath()) && given.getRawUserInfo() == null
                && given.getRawFragment() == null;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private List<T> readList(ApiResponse response) {
        JsonNode result = response.requireField(Responses.json(response), "result");
        if (!result.isArray()) {
            throw pipeline.unreadable(LIST, "'result' of a list answer is not an array", null);
        }
        List<T> out = new ArrayList<>(result.size());
        for (JsonNode node : result) {
            out.add(response.read(node, type));
        }
        return out;
    }

    private T single(ApiRequest request) {
        ApiResponse response = pipeline.execute(request);
        JsonNode result = response.requireField(Responses.json(response), "result");
        if (!result.isObject()) {
            throw pipeline.unreadable(request.operation(), "'result' is not a JSON object", null);
        }
        return response.read(result, type);
    }

    /**
     * Reads a record ({@code GET /api/now/table/{table}/{sys_id}}).
     *
     * @param sysId the record's {@code sys_id} (32 lowercase hex characters)
     * @return the record
     * @throws ValidationException before sending, if the {@code sys_id} is malformed
     * @throws io.secopskit.core.error.NotFoundException when there is no such record, or an ACL hides it
     * @throws io.secopskit.core.error.ServerException when the answer has no {@code result} ({@code MISSING_FIELD})
     */
    public T get(String sysId) {
        return single(ApiRequest.of(GET).path("table", table).path("sys_id", sysId(GET, sysId)).build());
    }

    /**
     * Creates a record ({@code POST /api/now/table/{table}}, answered 201). Sent at most once.
     *
     * @param record the column values (a map or an object Jackson writes as one)
     * @return the created record as stored
     * @throws io.secopskit.core.error.TransportException when the answer was lost: the record may exist
     * @throws io.secopskit.core.error.ServerException when the answer has no {@code result} ({@code MISSING_FIELD})
     */
    public T create(Object record) {
        Objects.requireNonNull(record, "record");
        return single(ApiRequest.of(CREATE).path("table", table).json(record).build());
    }

    /**
     * Changes columns of a record ({@code PATCH /api/now/table/{table}/{sys_id}}). Sent at most once.
     *
     * @param sysId   the record's {@code sys_id}
     * @param changes the columns to set
     * @return the record after the change
     * @throws ValidationException before sending, if the {@code sys_id} is malformed
     * @throws io.secopskit.core.error.NotFoundException when there is no such record
     */
    public T update(String sysId, Object changes) {
        Objects.requireNonNull(changes, "changes");
        return single(ApiRequest.of(UPDATE).path("table", table).path("sys_id", sysId(UPDATE, sysId)).json(changes).build());
    }

    /**
     * Deletes a record ({@code DELETE /api/now/table/{table}/{sys_id}}, answered 204).
     *
     * @param sysId the record's {@code sys_id}
     * @throws ValidationException before sending, if the {@code sys_id} is malformed
     * @throws io.secopskit.core.error.NotFoundException when there is no such record
     * @throws io.secopskit.core.error.ServerException when a 2xx answer is an HTML page (a hibernating instance)
     */
    public void delete(String sysId) {
        Responses.requireJsonOrEmpty(pipeline.execute(ApiRequest.of(DELETE).path("table", table)
                .path("sys_id", sysId(DELETE, sysId)).build()));
    }

    private static String sysId(Operation op, String sysId) {
        if (sysId == null || !sysId.matches("[0-9a-f]{32}")) {
            throw new ValidationException(ServiceNowClient.VENDOR, op.name(), "sys_id",
                    "must be 32 lowercase hex characters (got " + Inputs.quote(sysId) + ")");
        }
        return sysId;
    }

    @Override
    public String toString() {
        return "TableClient{table=" + table + ", type=" + type.getSimpleName() + "}";
    }
}
