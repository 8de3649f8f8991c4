package io.secopskit.taegis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.StandardErrorDecoder;
import io.secopskit.taegis.TaegisGraphQLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends GraphQL documents with variables to {@code /public/query} and reads {@code data} / {@code errors}.
 * Queries are idempotent (retried on transient failures); mutations are not. Internal.
 */
public final class GraphQLTransport {
    /** Vendor id. */
    public static final String VENDOR = "taegis";
    private static final String PATH = "/public/query";

    private final VendorPipeline pipeline;

    /**
     * Creates a transport.
     *
     * @param pipeline the pipeline
     */
    public GraphQLTransport(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Returns the pipeline's JSON mapper. */
    public com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return pipeline.mapper();
    }

    /**
     * Describes a query operation.
     *
     * @param name the GraphQL field name, for example {@code tenants}
     * @return the operation
     */
    public static Operation query(String name) {
        return Operation.builder(VENDOR, name, "POST", PATH).idempotent(true).build();
    }

    /**
     * Describes a mutation operation.
     *
     * @param name the GraphQL field name, for example {@code createTenant}
     * @return the operation
     */
    public static Operation mutation(String name) {
        return Operation.builder(VENDOR, name, "POST", PATH).idempotent(false).build();
    }

    /**
     * Executes a generated operation request, passing its arguments as variables.
     *
     * @param request       the generated request with its argument values
     * @param types         the GraphQL type of each argument, in order
     * @param projection    the selection set, or null
     * @param tenantContext the {@code X-Tenant-Context} value, or null
     * @param type          the result type
     * @param <T>           result type
     * @return the result
     */
    public <T> T run(com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperationRequest request, Map<String, String> types,
                     com.kobylynskyi.graphql.codegen.model.graphql.GraphQLResponseProjection projection, String tenantContext,
                     Class<T> type) {
        Documents.Doc doc = Documents.of(request, types, projection);
        boolean mutation = request.getOperationType() == com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperation.MUTATION;
        Operation op = mutation ? mutation(request.getOperationName()) : query(request.getOperationName());
        return execute(op, doc.text(), doc.variables(), tenantContext, type);
    }

    /**
     * Executes a document and returns the operation's field of {@code data} as {@code type}.
     *
     * @param operation     the operation (its name is the field read from {@code data})
     * @param document      the GraphQL document
     * @param variables     the variables (null values left out)
     * @param tenantContext the {@code X-Tenant-Context} value, or null
     * @param type          the result type
     * @param <T>           result type
     * @return the result
     * @throws TaegisGraphQLException when {@code errors} is non-empty
     * @throws NotFoundException      when the field is null without errors
     */
    public <T> T execute(Operation operation, String document, Map<String, Object> variables, String tenantContext,
                         Class<T> type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        ApiRequest.Builder request = ApiRequest.of(operation).json(body);
        if (tenantContext != null) {
            request.header("X-Tenant-Context", tenantContext);
        }
        ApiResponse response = pipeline.execute(request.build());
        JsonNode root = tree(operation, response);
        List<TaegisGraphQLException.GraphQLError> errors = errors(root);
        if (!errors.isEmpty()) {
            throw new TaegisGraphQLException(operation.name(), response.status(), null, errors);
        }
        JsonNode value = root.path("data").path(operation.name());
        if (value.isMissingNode() || value.isNull()) {
            throw new NotFoundException(new ErrorInfo(VENDOR, operation.name(), response.status(), "NULL_RESULT",
                    operation.name() + " returned null without errors", null, false));
        }
        try {
            return pipeline.mapper().readerFor(type).readValue(value);
        } catch (IOException e) {
            throw new ServerException(ErrorInfo.of(VENDOR, operation.name()).withVendorMessage(
                    "could not read " + operation.name() + " as " + type.getSimpleName()), e);
        }
    }

    private JsonNode tree(Operation operation, ApiResponse response) {
        try {
            return pipeline.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ServerException(new ErrorInfo(VENDOR, operation.name(), response.status(), "UNREADABLE_BODY",
                    "the answer is not JSON", null, false), e);
        }
    }

    static List<TaegisGraphQLException.GraphQLError> errors(JsonNode root) {
        List<TaegisGraphQLException.GraphQLError> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        for (JsonNode e : root.path("errors")) {
            List<Object> path = new ArrayList<>();
            for (JsonNode p : e.path("path")) {
                path.add(p.isInt() ? (Object) p.asInt() : p.asText());
            }
            out.add(new TaegisGraphQLException.GraphQLError(e.path("message").asText("(no message)"), path));
        }
        return out;
    }

    /** Maps HTTP errors; a GraphQL {@code errors} body on a 4xx/5xx keeps its messages. */
    public static final ErrorDecoder ERROR_DECODER = (ErrorResponse response) -> {
        List<TaegisGraphQLException.GraphQLError> errors = errors(StandardErrorDecoder.tree(response.body()));
        ErrorInfo info = StandardErrorDecoder.describe(response);
        if (!errors.isEmpty()) {
            info = info.withVendorMessage(errors.get(0).message()
                    + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : ""));
        }
        SecOpsException mapped = ErrorMapping.forStatus(info, response.retryAfter());
        return mapped;
    };
}
