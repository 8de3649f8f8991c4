package io.secopskit.taegis;

import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.GraphQLTransport.NullResult;
import io.secopskit.taegis.internal.Projections;
import io.secopskit.taegis.internal.TaegisIds;
import io.secopskit.taegis.internal.generated.CreateTenantLabelMutationRequest;
import io.secopskit.taegis.internal.generated.DeleteTenantLabelMutationRequest;
import io.secopskit.taegis.internal.generated.UpdateTenantLabelMutationRequest;
import io.secopskit.taegis.model.TenantLabel;
import io.secopskit.taegis.model.TenantLabelRequest;
import java.util.Map;
import java.util.Objects;

/**
 * The labels of one tenant: create, update and delete ({@code createTenantLabel}, {@code updateTenantLabel},
 * {@code deleteTenantLabel}). A tenant's labels come with the tenant ({@link io.secopskit.taegis.model.Tenant#labels()}).
 * The document: some labels are restricted and refuse changes; a label's owner can only be the tenant's parent
 * and limits who sees it. Every call is a mutation, sent at most once. Obtain it from
 * {@link TenantsClient#labels(String)}. Thread-safe.
 */
public final class TenantLabelsClient {
    private static final Map<String, String> CREATE_ARGS = Documents.types("tenant_id", "ID!", "label_input",
            "InputTenantLabel!");
    private static final Map<String, String> UPDATE_ARGS = Documents.types("label_id", "ID!", "tenant_id", "ID!",
            "label_input", "InputTenantLabel!");
    private static final Map<String, String> DELETE_ARGS = Documents.types("label_id", "ID!", "tenant_id", "ID!");

    private final GraphQLTransport transport;
    private final String tenantId;

    TenantLabelsClient(GraphQLTransport transport, String tenantId) {
        this.transport = transport;
        this.tenantId = tenantId;
    }

    /**
     * Returns the tenant these labels belong to.
     *
     * @return the tenant id
     */
    public String tenantId() {
        return tenantId;
    }

    private static TenantLabelRequest check(String op, TenantLabelRequest label) {
        Objects.requireNonNull(label, "label");
        TaegisIds.text(op, "label_input.name", label.name());
        TaegisIds.optionalTenantId(op, "label_input.owner_partner_tenant_id", label.ownerPartnerTenantId());
        return label;
    }

    /**
     * Adds a label: {@code createTenantLabel(tenant_id:, label_input:)}.
     *
     * @param label name, value and optional owner
     * @return the label
     * @throws ValidationException    before sending, when the name is blank or the owner id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public TenantLabel create(TenantLabelRequest label) {
        CreateTenantLabelMutationRequest r = new CreateTenantLabelMutationRequest();
        r.setTenant_id(tenantId);
        r.setLabel_input(check("createTenantLabel", label));
        return transport.run(r, CREATE_ARGS, Projections.label(transport.fields()), transport.fields(), null,
                TenantLabel.class, NullResult.MISSING);
    }

    /**
     * Changes a label's name and value: {@code updateTenantLabel(label_id:, tenant_id:, label_input:)}.
     *
     * @param labelId the label
     * @param label   the new name and value
     * @return the label
     * @throws ValidationException    before sending, when an id or the name breaks a rule
     * @throws TaegisGraphQLException when the API refuses it (a restricted label, for example)
     */
    public TenantLabel update(String labelId, TenantLabelRequest label) {
        UpdateTenantLabelMutationRequest r = new UpdateTenantLabelMutationRequest();
        r.setLabel_id(TaegisIds.id("updateTenantLabel", "label_id", labelId));
        r.setTenant_id(tenantId);
        r.setLabel_input(check("updateTenantLabel", label));
        return transport.run(r, UPDATE_ARGS, Projections.label(transport.fields()), transport.fields(), null,
                TenantLabel.class, NullResult.MISSING);
    }

    /**
     * Removes a label: {@code deleteTenantLabel(label_id:, tenant_id:)}.
     *
     * @param labelId the label
     * @return the deleted label
     * @throws ValidationException    before sending, when the id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public TenantLabel delete(String labelId) {
        DeleteTenantLabelMutationRequest r = new DeleteTenantLabelMutationRequest();
        r.setLabel_id(TaegisIds.id("deleteTenantLabel", "label_id", labelId));
        r.setTenant_id(tenantId);
        return transport.run(r, DELETE_ARGS, Projections.label(transport.fields()), transport.fields(), null,
                TenantLabel.class, NullResult.MISSING);
    }
}
