package io.secopskit.taegis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperation;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperationRequest;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLResponseProjection;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisGraphQLException.GraphQLError;
import io.secopskit.taegis.TaegisUnknownFieldException;
import io.secopskit.taegis.TenantFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends GraphQL documents with variables to {@code /public/query} and reads {@code data} / {@code errors}.
 * Queries are idempotent (retried within the client's retry policy); mutations are sent at most once. Every
 * answer is typed: GraphQL errors (any status) become {@code TaegisGraphQLException}; an empty, {@code null} or
 * unreadable body, or a mutation answered with a null result, a {@code ServerException}. Thread-safe. Internal.
 */
public final class GraphQLTransport {
    /** What a null result without errors means for an operation. */
    public enum NullResult {
        /** A lookup that found nothing: {@code NotFoundException}. */
        NOT_FOUND,
        /** An answer that must carry the result: {@code ServerException} ({@code MISSING_FIELD}). */
        MISSING
    }

    private static final Map<String, Operation> OPERATIONS = new ConcurrentHashMap<>();

    private final VendorPipeline pipeline;
    private final TaegisErrors errors;
    private final TenantFields fields;

    /**
     * Creates a transport.
     *
     * @param pipeline the client's pipeline
     * @param errors   the client's error reading
     * @param fields   the client's field set
     */
    public GraphQLTransport(VendorPipeline pipeline, TaegisErrors errors, TenantFields fields) {
        this.pipeline = pipeline;
        this.errors = errors;
        this.fields = fields;
    }

    /**
     * Returns the host the Tenants API is called on, for errors the client raises itself.
     *
     * @return the host name
     */
    public String host() {
        return pipeline.host(operation("tenants", false));
    }

    /**
     * Returns the client's field set.
     *
     * @return the field set
     */
    public TenantFields fields() {
        return fields;
    }

    /**
     * Describes an operation: a query is idempotent, a mutation is not.
     *
     * @param name     the GraphQL field name, for example {@code tenants}
     * @param mutation whether it is a mutation
     * @return the operation
     */
    public static Operation operation(String name, boolean mutation) {
        return OPERATIONS.computeIfAbsent((mutation ? "m:" : "q:") + name, k -> Operation.builder(TaegisClient.VENDOR, name,
                "POST", TaegisClient.QUERY_PATH).idempotent(!mutation).build());
    }

    /**
     * Executes a generated operation request, passing its arguments as variables.
     *
     * @param request       the generated request with its argument values
     * @param types         the GraphQL type of each argument, in declaration order
     * @param projection    the selection set
     * @param callFields    the field set the projection was built for
     * @param tenantContext the {@code X-Tenant-Context} value (already checked), or null
     * @param type          the result type
     * @param onNull        what a null result means
     * @param <T>           result type
     * @return the result, never null
     */
    public <T> T run(GraphQLOperationRequest request, Map<String, String> types, GraphQLResponseProjection projection,
                     TenantFields callFields, String tenantContext, Class<T> type, NullResult onNull) {
        Documents.Doc doc = Documents.of(request, types, projection);
        boolean mutation = request.getOperationType() == GraphQLOperation.MUTATION;
        Operation op = operation(request.getOperationName(), mutation);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", doc.text());
        body.put("variables", doc.variables());
        ApiRequest.Builder apiRequest = ApiRequest.of(op).json(body);
        if (tenantContext != null) {
            apiRequest.header("X-Tenant-Context", tenantContext);
        }
        ApiResponse response;
        try {
            response = pipeline.execute(apiRequest.build());
        } catch (TaegisUnknownFieldException e) {
            throw TaegisErrors.unknownField(e.info(), e.errors(), e.field(), e.type(), callFields);
        }
        JsonNode root = response.json();
        List<GraphQLError> found = TaegisErrors.parse(root.get("errors"));
        if (!found.isEmpty()) {
            throw errors.graphql(new ErrorInfo(TaegisClient.VENDOR, op.name(), response.status(), null, null,
                    response.requestId(), false, response.host()), found, callFields);
        }
        JsonNode data = response.requireField(root, "data");
        JsonNode value = data.get(op.name());
        if ((value == null || value.isNull()) && !mutation && onNull == NullResult.NOT_FOUND) {
            throw new NotFoundException(new ErrorInfo(TaegisClient.VENDOR, op.name(), response.status(), "NULL_RESULT",
                    op.name() + " found nothing (a null result without errors)", response.requestId(), false,
                    response.host()));
        }
        return response.read(response.requireField(data, op.name()), type);
    }
}
