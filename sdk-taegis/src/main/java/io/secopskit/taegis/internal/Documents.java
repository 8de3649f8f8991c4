package io.secopskit.taegis.internal;

import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperation;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperationRequest;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLResponseProjection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds GraphQL documents that pass every argument as a variable, from a generated operation request
 * (operation name and argument values) and a generated response projection (selection set). Internal.
 */
public final class Documents {
    private Documents() {
    }

    /**
     * A document and its variables.
     *
     * @param text      the document
     * @param variables the variables, by argument name
     */
    public record Doc(String text, Map<String, Object> variables) {
    }

    /**
     * Returns argument types in order from name/type pairs.
     *
     * @param nameTypePairs argument name, GraphQL type, name, type ...
     * @return the ordered map
     */
    public static Map<String, String> types(String... nameTypePairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put(nameTypePairs[i], nameTypePairs[i + 1]);
        }
        return m;
    }

    /**
     * Builds {@code query|mutation name($a: T, ...) { name(a: $a, ...) selection }}.
     *
     * @param request    the generated request holding the argument values (nulls are dropped)
     * @param types      the GraphQL type of each argument, by name, in declaration order
     * @param projection the selection set, or null for a scalar result
     * @return the document and variables
     */
    public static Doc of(GraphQLOperationRequest request, Map<String, String> types, GraphQLResponseProjection projection) {
        String name = request.getOperationName();
        Map<String, Object> variables = new LinkedHashMap<>();
        StringJoiner declarations = new StringJoiner(", ", "(", ")").setEmptyValue("");
        StringJoiner arguments = new StringJoiner(", ", "(", ")").setEmptyValue("");
        for (Map.Entry<String, String> t : types.entrySet()) {
            Object value = request.getInput().get(t.getKey());
            if (value == null) {
                if (t.getValue().endsWith("!")) {
                    throw new IllegalArgumentException("argument " + t.getKey() + " of " + name + " is required");
                }
                continue;
            }
            declarations.add("$" + t.getKey() + ": " + t.getValue());
            arguments.add(t.getKey() + ": $" + t.getKey());
            variables.put(t.getKey(), value);
        }
        String kind = request.getOperationType() == GraphQLOperation.MUTATION ? "mutation" : "query";
        String text = kind + " " + name + declarations + " { " + name + arguments
                + (projection == null ? "" : " " + projection) + " }";
        return new Doc(text, variables);
    }
}
