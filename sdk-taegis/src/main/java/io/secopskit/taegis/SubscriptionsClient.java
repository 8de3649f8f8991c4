package io.secopskit.taegis;

import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.GraphQLTransport.NullResult;
import io.secopskit.taegis.internal.Projections;
import io.secopskit.taegis.internal.TaegisIds;
import io.secopskit.taegis.internal.generated.AssignSubscriptionMutationRequest;
import io.secopskit.taegis.internal.generated.CreateSubscriptionMutationRequest;
import io.secopskit.taegis.internal.generated.DeleteSubscriptionMutationRequest;
import io.secopskit.taegis.internal.generated.UnassignSubscriptionMutationRequest;
import io.secopskit.taegis.internal.generated.UpdateSubscriptionMutationRequest;
import io.secopskit.taegis.internal.wire.SubscriptionUpdateInput;
import io.secopskit.taegis.model.Service;
import io.secopskit.taegis.model.SubscriptionRequest;
import io.secopskit.taegis.model.SubscriptionUpdate;
import io.secopskit.taegis.model.Tenant;
import java.util.Map;
import java.util.Objects;

/**
 * Partner subscriptions — services a partner creates and assigns to its child tenants: create, update,
 * delete ({@code createSubscription}, {@code updateSubscription}, {@code deleteSubscription}, which return a
 * {@link Service}) and assign / unassign ({@code assignSubscription}, {@code unassignSubscription}, which return
 * the {@link Tenant}). The document: a subscription still assigned cannot be deleted. Every call is a mutation,
 * sent at most once. Thread-safe.
 */
public final class SubscriptionsClient {
    private static final Map<String, String> CREATE_ARGS = Documents.types("input", "NewSubscription!");
    private static final Map<String, String> UPDATE_ARGS = Documents.types("input", "SubscriptionUpdate!");
    private static final Map<String, String> DELETE_ARGS = Documents.types("id", "ID!");
    private static final Map<String, String> ASSIGN_ARGS = Documents.types("tenant_id", "ID!", "subscription_id", "ID!");

    private final GraphQLTransport transport;

    SubscriptionsClient(GraphQLTransport transport) {
        this.transport = transport;
    }

    /**
     * Creates a subscription: {@code createSubscription(input:)}.
     *
     * @param request name (required), description, owner
     * @return the subscription
     * @throws ValidationException    before sending, when the name is blank or the owner id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Service create(SubscriptionRequest request) {
        Objects.requireNonNull(request, "request");
        TaegisIds.text("createSubscription", "input.name", request.name());
        TaegisIds.optionalTenantId("createSubscription", "input.owner_tenant_id", request.ownerTenantId());
        CreateSubscriptionMutationRequest r = new CreateSubscriptionMutationRequest();
        r.setInput(request);
        return transport.run(r, CREATE_ARGS, Projections.service(transport.fields()), transport.fields(), null,
                Service.class, NullResult.MISSING);
    }

    /**
     * Changes a subscription: {@code updateSubscription(input: {id, ...})}.
     *
     * @param subscriptionId the subscription
     * @param update         the changes (at least one)
     * @return the subscription
     * @throws ValidationException    before sending, when the id breaks a rule, nothing would change or the name
     *                                is blank
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Service update(String subscriptionId, SubscriptionUpdate update) {
        Objects.requireNonNull(update, "update");
        String op = "updateSubscription";
        TaegisIds.id(op, "input.id", subscriptionId);
        if (update.isEmpty()) {
            throw new ValidationException(TaegisClient.VENDOR, op, "input", "must change at least one field");
        }
        TaegisIds.optionalText(op, "input.name", update.name());
        UpdateSubscriptionMutationRequest r = new UpdateSubscriptionMutationRequest();
        r.setInput(new SubscriptionUpdateInput(subscriptionId, update.description(), update.name(),
                update.requiresPresentIds(), update.requiresAbsentIds()));
        return transport.run(r, UPDATE_ARGS, Projections.service(transport.fields()), transport.fields(), null,
                Service.class, NullResult.MISSING);
    }

    /**
     * Deletes a subscription that is not assigned to any tenant: {@code deleteSubscription(id:)}.
     *
     * @param subscriptionId the subscription
     * @return the deleted subscription
     * @throws ValidationException    before sending, when the id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it (still assigned, for example)
     */
    public Service delete(String subscriptionId) {
        DeleteSubscriptionMutationRequest r = new DeleteSubscriptionMutationRequest();
        r.setId(TaegisIds.id("deleteSubscription", "id", subscriptionId));
        return transport.run(r, DELETE_ARGS, Projections.service(transport.fields()), transport.fields(), null,
                Service.class, NullResult.MISSING);
    }

    /**
     * Assigns a subscription to a child tenant: {@code assignSubscription(tenant_id:, subscription_id:)}.
     *
     * @param tenantId       the tenant
     * @param subscriptionId the subscription
     * @return the tenant, with the client's field set
     * @throws ValidationException    before sending, when an id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Tenant assign(String tenantId, String subscriptionId) {
        AssignSubscriptionMutationRequest r = new AssignSubscriptionMutationRequest();
        r.setTenant_id(TaegisIds.tenantId("assignSubscription", "tenant_id", tenantId));
        r.setSubscription_id(TaegisIds.id("assignSubscription", "subscription_id", subscriptionId));
        return transport.run(r, ASSIGN_ARGS, Projections.tenant(transport.fields()), transport.fields(), null,
                Tenant.class, NullResult.MISSING);
    }

    /**
     * Removes a subscription from a tenant: {@code unassignSubscription(tenant_id:, subscription_id:)}.
     *
     * @param tenantId       the tenant
     * @param subscriptionId the subscription
     * @return the tenant
     * @throws ValidationException    before sending, when an id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Tenant unassign(String tenantId, String subscriptionId) {
        UnassignSubscriptionMutationRequest r = new UnassignSubscriptionMutationRequest();
        r.setTenant_id(TaegisIds.tenantId("unassignSubscription", "tenant_id", tenantId));
        r.setSubscription_id(TaegisIds.id("unassignSubscription", "subscription_id", subscriptionId));
        return transport.run(r, ASSIGN_ARGS, Projections.tenant(transport.fields()), transport.fields(), null,
                Tenant.class, NullResult.MISSING);
    }
}
