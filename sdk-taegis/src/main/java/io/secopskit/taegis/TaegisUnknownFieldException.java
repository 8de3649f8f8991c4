package io.secopskit.taegis;

import io.secopskit.core.error.ErrorInfo;
import java.util.List;

/**
 * The Tenants API refused a field SecOpsKit selected — {@code Cannot query field "X" on type "Y"} — because the
 * server's schema lacks it. The SDK's schema comes from the vendor's public client; a server of another
 * version may not have every field. The message names the field, its type, the field set that selected it,
 * and the switch: {@link TenantFields#DOCUMENTED} selects only the fields the vendor document's own queries
 * select ({@code TaegisClient.builder().fields(TenantFields.DOCUMENTED)}, or {@code TenantQuery.builder()
 * .fields(...)} for one list).
 */
public class TaegisUnknownFieldException extends TaegisGraphQLException {
    private final String field;
    private final String type;
    private final TenantFields fieldSet;

    /**
     * Creates the exception.
     *
     * @param info     what is known, with the message naming field, type and switch
     * @param errors   every GraphQL error of the answer
     * @param field    the field the server does not know
     * @param type     the type it was selected on, or null when the server did not say
     * @param fieldSet the field set that selected it
     */
    public TaegisUnknownFieldException(ErrorInfo info, List<GraphQLError> errors, String field, String type,
                                       TenantFields fieldSet) {
        super(info, errors);
        this.field = field;
        this.type = type;
        this.fieldSet = fieldSet;
    }

    /**
     * Returns the field the server does not know, for example {@code partner_name}.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns the type the field was selected on, for example {@code Tenant}.
     *
     * @return the type name, or null when the server did not say
     */
    public String type() {
        return type;
    }

    /**
     * Returns the field set that selected the field.
     *
     * @return the field set of the failed call
     */
    public TenantFields fieldSet() {
        return fieldSet;
    }
}
