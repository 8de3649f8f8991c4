package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The subset of Carbon Black's Lucene-style {@code query} strings FakeCarbonBlack understands:
 * {@code field:value} terms (dotted fields, {@code "quoted values"}, {@code *} wildcards, case-insensitive),
 * bare words (match any text value), {@code AND}, {@code OR}, {@code NOT}, parentheses; adjacent terms are
 * ANDed and AND binds tighter than OR. Anything else is malformed. Immutable.
 */
final class SearchQuery {
    /** A malformed query. */
    static final class MalformedQueryException extends RuntimeException {
        MalformedQueryException(String message) {
            super(message);
        }
    }

    private final Predicate<JsonNode> predicate;

    private SearchQuery(Predicate<JsonNode> predicate) {
        this.predicate = predicate;
    }

    /**
     * Parses a query; a blank query matches everything.
     *
     * @param text the query
     * @return the query
     * @throws MalformedQueryException when it cannot be parsed
     */
    static SearchQuery parse(String text) {
        List<String> tokens = tokenize(text == null ? "" : text);
        if (tokens.isEmpty()) {
            return new SearchQuery(row -> true);
        }
        Parser p = new Parser(tokens);
        Predicate<JsonNode> expr = p.or();
        if (p.pos != tokens.size()) {
            throw new MalformedQueryException("unexpected '" + tokens.get(p.pos) + "'");
        }
        return new SearchQuery(expr);
    }

    /**
     * Returns whether a row matches.
     *
     * @param row the row
     * @return true when it matches
     */
    boolean matches(JsonNode row) {
        return predicate.test(row);
    }

    /**
     * Resolves a dotted field in a row: {@code device.os} is {@code row.device.os}; a field the row lacks
     * is looked up under {@code fields} (Live Query result columns).
     *
     * @param row   the row
     * @param field the dotted field
     * @return the node, or a missing node
     */
    static JsonNode resolve(JsonNode row, String field) {
        JsonNode node = walk(row, field);
        if (node.isMissingNode() && row.has("fields")) {
            node = walk(row.get("fields"), field);
        }
        return node;
    }

    private static JsonNode walk(JsonNode row, String field) {
        JsonNode node = row;
        for (String part : field.split("\\.", -1)) {
            node = node.path(part);
        }
        return node;
    }

    /**
     * Returns whether a node (or, for an array, any element) equals the value, ignoring case, with
     * {@code *} as a wildcard.
     *
     * @param node  the node
     * @param value the value
     * @return true when it matches
     */
    static boolean valueMatches(JsonNode node, String value) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (valueMatches(n, value)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return false;
        }
        String actual = node.asText();
        if (value.contains("*")) {
            StringBuilder regex = new StringBuilder();
            for (String part : value.split("\\*", -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(actual).matches();
        }
        return actual.equalsIgnoreCase(value);
    }

    private static boolean anyTextContains(JsonNode node, String word) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (anyTextContains(child, word)) {
                    return true;
                }
            }
            return false;
        }
        return node.isValueNode() && node.asText().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                StringBuilder t = new StringBuilder();
                boolean quoted = false;
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        quoted = !quoted;
                        t.append(d);
                    } else if (!quoted && (Character.isWhitespace(d) || d == '(' || d == ')')) {
                        break;
                    } else {
                        t.append(d);
                    }
                    i++;
                }
                if (quoted) {
                    throw new MalformedQueryException("unclosed quote in '" + t + "'");
                }
                tokens.add(t.toString());
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final List<String> tokens;
        private int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        Predicate<JsonNode> or() {
            Predicate<JsonNode> left = and();
            while ("OR".equals(peek())) {
                pos++;
                Predicate<JsonNode> right = and();
                left = left.or(right);
            }
            return left;
        }

        Predicate<JsonNode> and() {
            Predicate<JsonNode> left = unary();
            while (peek() != null && !"OR".equals(peek()) && !")".equals(peek())) {
                if ("AND".equals(peek())) {
                    pos++;
                }
                Predicate<JsonNode> right = unary();
                left = left.and(right);
            }
            return left;
        }

        Predicate<JsonNode> unary() {
            if ("NOT".equals(peek())) {
                pos++;
                return unary().negate();
            }
            return primary();
        }

        Predicate<JsonNode> primary() {
            String t = peek();
            if (t == null) {
                throw new MalformedQueryException("the query ends where a term is expected");
            }
            if (t.equals("(")) {
                pos++;
                Predicate<JsonNode> inner = or();
                if (!")".equals(peek())) {
                    throw new MalformedQueryException("unbalanced parentheses");
                }
                pos++;
                return inner;
            }
            if (t.equals(")") || t.equals("AND") || t.equals("OR")) {
                throw new MalformedQueryException("unexpected '" + t + "'");
            }
            pos++;
            int colon = t.indexOf(':');
            if (colon < 0 || t.startsWith("\"")) {
                String word = unquote(t);
                if (word.isEmpty()) {
                    throw new MalformedQueryException("empty term");
                }
                return row -> anyTextContains(row, word);
            }
            String field = t.substring(0, colon);
            String value = unquote(t.substring(colon + 1));
            if (field.isEmpty() || value.isEmpty()) {
                throw new MalformedQueryException("term '" + t + "' needs a field and a value");
            }
            return row -> valueMatches(resolve(row, field), value);
        }

        private static String unquote(String v) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
    }
}
