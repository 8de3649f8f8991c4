package io.secopskit.servicenow.model;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parameters of a Table API list ({@code GET /api/now/table/{table}}): which records (an encoded query
 * in {@code sysparm_query}), in which order, which columns ({@code sysparm_fields}), display values,
 * reference links and page size ({@code sysparm_limit}). Immutable; build with {@link #builder()}.
 *
 * <h2>Conditions with values a caller does not control</h2>
 * ServiceNow's encoded query joins conditions with {@code ^} ({@code ^OR}, {@code ^NQ}) and has no escape
 * for that character, so a value is safe to place in a query only if it holds none. The typed conditions
 * ({@link Builder#where}, {@link Builder#and}, {@link Builder#or}) check every value and refuse with
 * {@link ValidationException}, before anything is sent, a value that contains {@code ^}, a line break or
 * another control character, or that begins with {@code javascript:} (which the instance would evaluate
 * as a script); {@code IN} lists also refuse values containing {@code ,}, their separator. Nothing is
 * escaped or rewritten: a refused value must be matched another way (for example by {@code sys_id}).
 *
 * <pre>{@code
 * TableQuery q = TableQuery.builder()
 *     .where("name", TableQuery.Op.EQ, customerName)      // customerName may come from anywhere
 *     .and("active", TableQuery.Op.EQ, "true")
 *     .orderBy("number")
 *     .fields("sys_id", "name")
 *     .pageSize(200)
 *     .build();
 * }</pre>
 *
 * <h2>Raw encoded queries</h2>
 * {@link Builder#encodedQuery(String)} passes an encoded query as written, <strong>unescaped and
 * unchecked</strong> apart from control characters: for queries written by a developer, never for text
 * that contains caller input.
 *
 * <h2>Order</h2>
 * Pages are read by offset, so the order must be total and stable: the SDK ends every query's order with
 * {@code ORDERBYsys_id} (after any {@link Builder#orderBy} columns), unless the query already orders by
 * {@code sys_id}. {@link #encodedQuery()} returns the complete {@code sysparm_query} value as sent.
 */
public final class TableQuery {
    private static final String VENDOR = "servicenow";
    private static final String OPERATION = "TableList";
    /** Column names: lowercase letters, digits and {@code _}, dot-walked through references with {@code .}. */
    private static final Pattern COLUMN = Pattern.compile("[a-z0-9_]{1,80}(\\.[a-z0-9_]{1,80}){0,10}");
    /** The most records one page may ask for. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** The default page size. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** How reference and choice fields are returned ({@code sysparm_display_value}). */
    public enum DisplayValue {
        /** Raw values ({@code false}). */
        FALSE,
        /** Display values ({@code true}). */
        TRUE,
        /** Both, as {@code {value, display_value}} ({@code all}). */
        ALL
    }

    /** How a condition compares a column with its value. */
    public enum Op {
        /** Equal to the value ({@code =}). */
        EQ("=", Arity.ONE),
        /** Not equal to the value ({@code !=}). */
        NE("!=", Arity.ONE),
        /** Contains the value ({@code LIKE}). */
        LIKE("LIKE", Arity.ONE),
        /** Does not contain the value ({@code NOT LIKE}). */
        NOT_LIKE("NOT LIKE", Arity.ONE),
        /** Starts with the value ({@code STARTSWITH}). */
        STARTS_WITH("STARTSWITH", Arity.ONE),
        /** Ends with the value ({@code ENDSWITH}). */
        ENDS_WITH("ENDSWITH", Arity.ONE),
        /** Greater than the value ({@code >}). */
        GT(">", Arity.ONE),
        /** Greater than or equal to the value ({@code >=}). */
        GE(">=", Arity.ONE),
        /** Less than the value ({@code <}). */
        LT("<", Arity.ONE),
        /** Less than or equal to the value ({@code <=}). */
        LE("<=", Arity.ONE),
        /** One of the values ({@code IN}, values joined with {@code ,}). */
        IN("IN", Arity.LIST),
        /** None of the values ({@code NOT IN}). */
        NOT_IN("NOT IN", Arity.LIST),
        /** The column is empty ({@code ISEMPTY}); takes no value. */
        IS_EMPTY("ISEMPTY", Arity.NONE),
        /** The column is not empty ({@code ISNOTEMPTY}); takes no value. */
        IS_NOT_EMPTY("ISNOTEMPTY", Arity.NONE);

        private final String token;
        private final Arity arity;

        Op(String token, Arity arity) {
            this.token = token;
            this.arity = arity;
        }

        /**
         * Returns the operator as written in an encoded query, for example {@code STARTSWITH}.
         *
         * @return the operator text
         */
        public String token() {
            return token;
        }
    }

    private enum Arity { NONE, ONE, LIST }

    private final String encodedQuery;
    private final List<String> fields;
    private final DisplayValue displayValue;
    private final boolean excludeReferenceLink;
    private final int pageSize;

    private TableQuery(Builder b) {
        if (b.pageSize < 1 || b.pageSize > MAX_PAGE_SIZE) {
            throw new ValidationException(VENDOR, OPERATION, "pageSize",
                    "must be between 1 and " + MAX_PAGE_SIZE + " (sysparm_limit; was " + b.pageSize + ")");
        }
        if (!b.conditions.isEmpty() && b.rawQuery != null) {
            throw new ValidationException(VENDOR, OPERATION, "encodedQuery",
                    "set typed conditions (where/and/or) or a raw encodedQuery(...), not both");
        }
        this.encodedQuery = compose(b);
        this.fields = List.copyOf(b.fields);
        this.displayValue = b.displayValue;
        this.excludeReferenceLink = b.excludeReferenceLink;
        this.pageSize = b.pageSize;
    }

    private static String compose(Builder b) {
        List<String> parts = new ArrayList<>();
        String where = b.rawQuery != null ? b.rawQuery : String.join("^", b.conditions);
        if (!where.isEmpty()) {
            parts.add(where);
        }
        parts.addAll(b.orders);
        boolean sysIdOrdered = b.orders.contains("ORDERBYsys_id") || b.orders.contains("ORDERBYDESCsys_id")
                || b.rawQuery != null && (b.rawQuery.contains("ORDERBYsys_id") || b.rawQuery.contains("ORDERBYDESCsys_id"));
        if (!sysIdOrdered) {
            parts.add("ORDERBYsys_id");
        }
        return String.join("^", parts);
    }

    /**
     * Starts a query: every record, ordered by {@code sys_id}, all columns, {@value #DEFAULT_PAGE_SIZE}
     * records per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the complete encoded query sent as {@code sysparm_query}: the conditions (or the raw query),
     * then the order, ending with {@code ORDERBYsys_id}.
     *
     * @return the encoded query, never empty
     */
    public String encodedQuery() {
        return encodedQuery;
    }

    /** Returns the columns to return (empty for all). */
    public List<String> fields() {
        return fields;
    }

    /** Returns the display value mode, or null for the instance default. */
    public DisplayValue displayValue() {
        return displayValue;
    }

    /** Returns whether reference links are left out. */
    public boolean excludeReferenceLink() {
        return excludeReferenceLink;
    }

    /** Returns the page size ({@code sysparm_limit}). */
    public int pageSize() {
        return pageSize;
    }

    /** Shows the parameters; the encoded query is left out because it may hold caller data. */
    @Override
    public String toString() {
        return "TableQuery{fields=" + fields + ", displayValue=" + displayValue + ", excludeReferenceLink="
                + excludeReferenceLink + ", pageSize=" + pageSize + ", queryLength=" + encodedQuery.length() + "}";
    }

    /**
     * Checks a column name: lowercase letters, digits and {@code _}, optionally dot-walked
     * ({@code caller_id.name}).
     *
     * @param field what the column is for, in a refusal
     * @param name  the column name
     * @return the name
     * @throws ValidationException if the name breaks the rule
     */
    static String column(String field, String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new ValidationException(VENDOR, OPERATION, field, "must be a column name of lowercase letters,"
                    + " digits and '_', dot-walked with '.' (got " + Inputs.quote(name) + ")");
        }
        return name;
    }

    /** Builds a {@link TableQuery}. Not thread-safe. */
    public static final class Builder {
        private final List<String> conditions = new ArrayList<>();
        private final List<String> orders = new ArrayList<>();
        private String rawQuery;
        private List<String> fields = List.of();
        private DisplayValue displayValue;
        private boolean excludeReferenceLink;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Adds a condition that must hold (joined to the previous ones with {@code ^}, AND).
         *
         * @param column the column, for example {@code name} or {@code caller_id.name}
         * @param op     an operator taking one value
         * @param value  the value; no {@code ^}, no control characters, not starting with {@code javascript:}
         * @return this builder
         * @throws ValidationException if the column, the operator's arity or the value breaks a rule
         */
        public Builder where(String column, Op op, String value) {
            return add("", column, op, Arity.ONE, Collections.singletonList(value));
        }

        /**
         * Adds a condition without a value ({@link Op#IS_EMPTY}, {@link Op#IS_NOT_EMPTY}), joined with AND.
         *
         * @param column the column
         * @param op     an operator taking no value
         * @return this builder
         * @throws ValidationException if the column or the operator's arity breaks a rule
         */
        public Builder where(String column, Op op) {
            return add("", column, op, Arity.NONE, List.of());
        }

        /**
         * Adds a condition on a list of values ({@link Op#IN}, {@link Op#NOT_IN}), joined with AND.
         *
         * @param column the column
         * @param op     an operator taking a list
         * @param values at least one value; none may contain {@code ,}, {@code ^} or control characters
         * @return this builder
         * @throws ValidationException if the column, the operator's arity or a value breaks a rule
         */
        public Builder where(String column, Op op, Collection<String> values) {
            return add("", column, op, Arity.LIST, values);
        }

        /**
         * The same as {@link #where(String, Op, String)}: adds a condition joined with AND.
         *
         * @param column the column
         * @param op     an operator taking one value
         * @param value  the value
         * @return this builder
         * @throws ValidationException if a rule is broken
         */
        public Builder and(String column, Op op, String value) {
            return where(column, op, value);
        }

        /**
         * The same as {@link #where(String, Op)}: adds a condition without a value, joined with AND.
         *
         * @param column the column
         * @param op     an operator taking no value
         * @return this builder
         * @throws ValidationException if a rule is broken
         */
        public Builder and(String column, Op op) {
            return where(column, op);
        }

        /**
         * The same as {@link #where(String, Op, Collection)}: adds a list condition joined with AND.
         *
         * @param column the column
         * @param op     an operator taking a list
         * @param values the values
         * @return this builder
         * @throws ValidationException if a rule is broken
         */
        public Builder and(String column, Op op, Collection<String> values) {
            return where(column, op, values);
        }

        /**
         * Adds an alternative to the previous condition ({@code ^OR}). ServiceNow binds OR tighter than
         * AND: {@code where(a).or(b).and(c)} means (a OR b) AND c.
         *
         * @param column the column
         * @param op     an operator taking one value
         * @param value  the value
         * @return this builder
         * @throws ValidationException if no condition precedes it or a rule is broken
         */
        public Builder or(String column, Op op, String value) {
            return add("OR", column, op, Arity.ONE, Collections.singletonList(value));
        }

        /**
         * Adds an alternative without a value to the previous condition ({@code ^OR}).
         *
         * @param column the column
         * @param op     an operator taking no value
         * @return this builder
         * @throws ValidationException if no condition precedes it or a rule is broken
         */
        public Builder or(String column, Op op) {
            return add("OR", column, op, Arity.NONE, List.of());
        }

        /**
         * Adds a list alternative to the previous condition ({@code ^OR}).
         *
         * @param column the column
         * @param op     an operator taking a list
         * @param values the values
         * @return this builder
         * @throws ValidationException if no condition precedes it or a rule is broken
         */
        public Builder or(String column, Op op, Collection<String> values) {
            return add("OR", column, op, Arity.LIST, values);
        }

        private Builder add(String prefix, String column, Op op, Arity given, Collection<String> values) {
            column(column, column);
            if (op == null) {
                throw new ValidationException(VENDOR, OPERATION, column, "needs an operator");
            }
            if (op.arity != given) {
                throw new ValidationException(VENDOR, OPERATION, column, "operator " + op + " takes "
                        + switch (op.arity) {
                            case NONE -> "no value: use where(column, Op." + op + ")";
                            case ONE -> "one value: use where(column, Op." + op + ", value)";
                            case LIST -> "a list of values: use where(column, Op." + op + ", List.of(...))";
                        });
            }
            if (!prefix.isEmpty() && conditions.isEmpty()) {
                throw new ValidationException(VENDOR, OPERATION, column, "or(...) needs a condition before it");
            }
            if (values == null || op.arity == Arity.LIST && values.isEmpty()) {
                throw new ValidationException(VENDOR, OPERATION, column, "operator " + op + " needs at least one value");
            }
            for (String v : values) {
                checkValue(column, op, v);
            }
            String condition = prefix + column + op.token + String.join(",", values);
            if (prefix.isEmpty()) {
                conditions.add(condition);
            } else {
                conditions.set(conditions.size() - 1, conditions.get(conditions.size() - 1) + "^" + condition);
            }
            return this;
        }

        private static void checkValue(String column, Op op, String value) {
            if (value == null) {
                throw new ValidationException(VENDOR, OPERATION, column, "value must not be null (use Op.IS_EMPTY)");
            }
            Inputs.requireNoControl(VENDOR, OPERATION, column, value);
            if (value.indexOf('^') >= 0) {
                throw new ValidationException(VENDOR, OPERATION, column, "value must not contain '^': ServiceNow's"
                        + " encoded query has no escape for it (got " + Inputs.quote(value) + ")");
            }
            if (value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                throw new ValidationException(VENDOR, OPERATION, column, "value must not start with 'javascript:':"
                        + " the instance would evaluate it as a script (got " + Inputs.quote(value) + ")");
            }
            if (op.arity == Arity.LIST && value.indexOf(',') >= 0) {
                throw new ValidationException(VENDOR, OPERATION, column, "values of " + op + " must not contain ',',"
                        + " the list separator (got " + Inputs.quote(value) + ")");
            }
        }

        /**
         * Sets a raw encoded query ({@code sysparm_query}), for example {@code active=true^priority=1}.
         * <strong>Sent unescaped:</strong> nothing in it is checked except control characters, so never
         * build it from caller input — use {@link #where} for values. Cannot be combined with typed
         * conditions; {@link #orderBy} may be.
         *
         * @param value the encoded query, or null for none
         * @return this builder
         */
        public Builder encodedQuery(String value) {
            this.rawQuery = value == null || value.isEmpty() ? null : value;
            return this;
        }

        /**
         * Orders by a column, ascending ({@code ORDERBY<column>}); call again for further columns.
         *
         * @param column the column
         * @return this builder
         * @throws ValidationException if the column name breaks the rule
         */
        public Builder orderBy(String column) {
            orders.add("ORDERBY" + column("orderBy", column));
            return this;
        }

        /**
         * Orders by a column, descending ({@code ORDERBYDESC<column>}).
         *
         * @param column the column
         * @return this builder
         * @throws ValidationException if the column name breaks the rule
         */
        public Builder orderByDescending(String column) {
            orders.add("ORDERBYDESC" + column("orderByDescending", column));
            return this;
        }

        /**
         * Limits the returned columns ({@code sysparm_fields}).
         *
         * @param columns column names (dot-walking allowed)
         * @return this builder
         * @throws ValidationException if a column name breaks the rule
         */
        public Builder fields(String... columns) {
            List<String> checked = new ArrayList<>();
            for (String c : Objects.requireNonNull(columns, "columns")) {
                checked.add(column("fields", c));
            }
            this.fields = List.copyOf(checked);
            return this;
        }

        /**
         * Sets the display value mode ({@code sysparm_display_value}).
         *
         * @param value the mode, or null for the instance default
         * @return this builder
         */
        public Builder displayValue(DisplayValue value) {
            this.displayValue = value;
            return this;
        }

        /**
         * Leaves reference links out ({@code sysparm_exclude_reference_link=true}).
         *
         * @param value whether to exclude them
         * @return this builder
         */
        public Builder excludeReferenceLink(boolean value) {
            this.excludeReferenceLink = value;
            return this;
        }

        /**
         * Sets the page size ({@code sysparm_limit}), 1 to {@value TableQuery#MAX_PAGE_SIZE}; default
         * {@value TableQuery#DEFAULT_PAGE_SIZE}. Lower it if the instance cancels list calls for
         * exceeding its maximum execution time.
         *
         * @param value records per page
         * @return this builder
         */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws ValidationException if the page size is out of range, or typed conditions and a raw query
         *                             were both set
         */
        public TableQuery build() {
            return new TableQuery(this);
        }
    }
}
