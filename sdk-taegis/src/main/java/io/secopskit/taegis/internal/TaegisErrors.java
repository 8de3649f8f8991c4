package io.secopskit.taegis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisGraphQLException;
import io.secopskit.taegis.TaegisGraphQLException.GraphQLError;
import io.secopskit.taegis.TaegisRegion;
import io.secopskit.taegis.TaegisUnknownFieldException;
import io.secopskit.taegis.TenantFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Tenants API's answers into typed errors that say where and what to check: GraphQL {@code errors}
 * (with HTTP 200 or any other status) keep every message, path and {@code extensions.code}; a field the server
 * does not know becomes {@link TaegisUnknownFieldException} naming the field and the field-set switch; 401,
 * 403, 404 and "not authorized" errors get hints naming the hosts and regions involved. One instance per
 * client (it knows the client's tenants and token hosts). Thread-safe. Internal.
 */
public final class TaegisErrors implements ErrorDecoder {
    /** graphql-js, gqlparser (Go), graphql-core (Python) and Apollo: {@code Cannot query field "x" on type "T".} */
    static final Pattern CANNOT_QUERY = Pattern.compile(
            "Cannot query field [\"'`]([_A-Za-z][_0-9A-Za-z]*)[\"'`] on type [\"'`]([_A-Za-z][_0-9A-Za-z]*)[\"'`]");
    /** graphql-java (and so FakeTaegis): {@code Field 'x' in type 'T' is undefined}. */
    static final Pattern UNDEFINED = Pattern.compile("Field '([_A-Za-z][_0-9A-Za-z]*)' in type '([_A-Za-z][_0-9A-Za-z]*)' is undefined");
    private static final List<String> NOT_AUTHORIZED = List.of("not authorized", "unauthorized", "permission denied",
            "forbidden", "access denied", "not accessible", "insufficient permission", "not allowed");
    private static final List<String> NOT_AUTHORIZED_CODES = List.of("FORBIDDEN", "UNAUTHORIZED", "PERMISSION_DENIED",
            "NOT_AUTHORIZED", "ACCESS_DENIED");
    private static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private final String tenantsHost;
    private final String tokenHost;

    /**
     * Creates the errors of one client.
     *
     * @param tenantsEndpoint the tenants API endpoint
     * @param tokenEndpoint   the token endpoint of {@code clientCredentials}, or null when the caller gave its own
     *                        {@code auth(...)}
     */
    public TaegisErrors(URI tenantsEndpoint, URI tokenEndpoint) {
        this.tenantsHost = tenantsEndpoint.getHost();
        this.tokenHost = tokenEndpoint == null ? null : tokenEndpoint.getHost();
    }

    /**
     * Reads a GraphQL {@code errors} value: an array of error objects (or, from a careless server, one object
     * or one string).
     *
     * @param node the {@code errors} node, or null
     * @return the errors, empty when there are none
     */
    public static List<GraphQLError> parse(JsonNode node) {
        List<GraphQLError> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(new GraphQLError(node.asText(), List.of(), null));
            return out;
        }
        Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
        for (JsonNode e : items) {
            if (e == null || e.isNull()) {
                continue;
            }
            if (e.isTextual()) {
                out.add(new GraphQLError(e.asText(), List.of(), null));
                continue;
            }
            JsonNode m = e.get("message");
            String message = m != null && m.isValueNode() && !m.isNull() ? m.asText() : null;
            List<Object> path = new ArrayList<>();
            for (JsonNode p : e.path("path")) {
                path.add(p.isInt() ? (Object) p.asInt() : p.asText());
            }
            JsonNode c = e.path("extensions").get("code");
            String code = c != null && c.isValueNode() && !c.isNull() && !c.asText().isBlank() ? c.asText() : null;
            out.add(new GraphQLError(message, path, code));
        }
        return out;
    }

    private static String firstCode(List<GraphQLError> errors) {
        for (GraphQLError e : errors) {
            if (e.code() != null) {
                return e.code();
            }
        }
        return null;
    }

    private static String summary(List<GraphQLError> errors) {
        StringBuilder sb = new StringBuilder();
        for (GraphQLError e : errors) {
            sb.append(sb.length() == 0 ? "" : "; ").append(e.describe());
        }
        return sb.toString();
    }

    /**
     * The exception for an answer whose {@code errors} are not empty.
     *
     * @param base   vendor, operation, status, host and request id of the answer
     * @param errors the errors
     * @param fields the field set the call selected
     * @return the exception to throw
     */
    public TaegisGraphQLException graphql(ErrorInfo base, List<GraphQLError> errors, TenantFields fields) {
        Optional<String[]> unknown = unknownField(errors);
        if (unknown.isPresent()) {
            return unknownField(base, errors, unknown.get()[0], unknown.get()[1], fields);
        }
        String code = firstCode(errors);
        String text = summary(errors) + hintFor(errors, code);
        return new TaegisGraphQLException(base.withVendorCode(code == null ? TaegisGraphQLException.GRAPHQL_ERRORS : code)
                .withVendorMessage(text).withRetryable(false), errors);
    }

    /**
     * The exception for a field the server does not know.
     *
     * @param base   what is known about the answer
     * @param errors every error of the answer
     * @param field  the field
     * @param type   its type, or null
     * @param fields the field set the call selected (null when not known)
     * @return the exception
     */
    public static TaegisUnknownFieldException unknownField(ErrorInfo base, List<GraphQLError> errors, String field,
                                                           String type, TenantFields fields) {
        TenantFields set = fields == null ? TenantFields.ALL : fields;
        String where = "the Tenants API does not know field '" + field + "'" + (type == null ? "" : " of type '" + type + "'");
        String advice = set == TenantFields.ALL
                ? ", which field set TenantFields.ALL selects (the fields of the vendor's public client, taegis-sdk-python"
                        + " 1.6.21; this server's schema differs): choose TenantFields.DOCUMENTED, the fields of the vendor"
                        + " document's own queries — TaegisClient.builder().fields(TenantFields.DOCUMENTED), or"
                        + " TenantQuery.builder().fields(TenantFields.DOCUMENTED) for one list"
                : ", which even TenantFields.DOCUMENTED, the fields of the vendor document's own queries, selects: this"
                        + " server lacks a documented field, and no smaller field set exists";
        String code = firstCode(errors);
        return new TaegisUnknownFieldException(base.withVendorCode(code == null ? "UNKNOWN_FIELD" : code)
                .withVendorMessage(where + advice + " (server: " + summary(errors) + ")").withRetryable(false),
                errors, field, type, set);
    }

    /**
     * Finds a "Cannot query field" error.
     *
     * @param errors the errors
     * @return field and type, when one error is of that kind
     */
    static Optional<String[]> unknownField(List<GraphQLError> errors) {
        for (GraphQLError e : errors) {
            if (e.message() == null) {
                continue;
            }
            for (Pattern p : List.of(CANNOT_QUERY, UNDEFINED)) {
                Matcher m = p.matcher(e.message());
                if (m.find()) {
                    return Optional.of(new String[] {m.group(1), m.group(2)});
                }
            }
        }
        return Optional.empty();
    }

    private String hintFor(List<GraphQLError> errors, String code) {
        if (UNAUTHENTICATED.equals(code)) {
            return "; hint: the Tenants API did not accept the token (extensions.code UNAUTHENTICATED): " + regionAdvice();
        }
        boolean denied = code != null && NOT_AUTHORIZED_CODES.contains(code.toUpperCase(Locale.ROOT));
        for (GraphQLError e : errors) {
            String m = e.message() == null ? "" : e.message().toLowerCase(Locale.ROOT);
            for (String phrase : NOT_AUTHORIZED) {
                denied |= m.contains(phrase);
            }
        }
        return denied ? "; hint: an authorization refusal, not a credential problem — the Tenants API accepted the"
                + " token (a refused token is HTTP 401) but this client may not do this: the document's rules are"
                + " Tenant:read on the tenant or its partner for reads, Tenant:update for changes, Tenant:create for"
                + " new tenants, or the partner's TenantAdmin role for its whole hierarchy; a tenant out of reach reads"
                + " as not found or not accessible" : "";
    }

    private String regionAdvice() {
        if (tokenHost == null) {
            return "the credentials of auth(...) were refused";
        }
        return "tokens are valid only in the region that issued them — this client gets tokens from "
                + Regions.describe(tokenHost) + " and calls " + Regions.describe(tenantsHost)
                + "; if those are different regions, set region(...) (or endpoint(...) and authEndpoint(...) of one"
                + " region); otherwise the API client may have been disabled or deleted";
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        JsonNode root = StandardErrorDecoder.tree(response.body());
        List<GraphQLError> errors = root == null ? List.of() : parse(root.get("errors"));
        if (!errors.isEmpty()) {
            Optional<String[]> unknown = unknownField(errors);
            if (unknown.isPresent()) {
                return unknownField(info, errors, unknown.get()[0], unknown.get()[1], null);
            }
            String code = firstCode(errors);
            if (code != null) {
                info = info.withVendorCode(code);
            }
            info = info.withVendorMessage(summary(errors));
        }
        String message = info.vendorMessage() == null ? "" : info.vendorMessage();
        String hint = switch (response.status()) {
            case 401 -> "401: the Tenants API refused the bearer token, also after one refresh and replay: " + regionAdvice();
            case 403 -> "403: authenticated but not permitted: the API client's roles do not allow this operation (the"
                    + " document: reads need Tenant:read, changes Tenant:update, new tenants Tenant:create, or the"
                    + " partner's TenantAdmin role)";
            case 404 -> notFoundHint();
            default -> null;
        };
        if (hint != null) {
            info = info.withVendorMessage(message + (message.isEmpty() ? "" : "; ") + hint);
        }
        return ErrorMapping.forStatus(info, response.retryAfter());
    }

    private String notFoundHint() {
        Optional<TaegisRegion> api = Regions.ofApiHost(URI.create("https://" + tenantsHost));
        return "404: " + tenantsHost + " has no " + TaegisClient.QUERY_PATH + ": endpoint(...) must be a region's tenants"
                + " host (" + TaegisRegion.US1.tenantsHost() + " for US1, https://api-tenants.<region>.taegis.secureworks.com"
                + " elsewhere), not the API host that issues tokens"
                + api.map(r -> "; " + tenantsHost + " is the " + r + " API host, its tenants host is " + r.tenantsHost())
                        .orElse("");
    }
}
