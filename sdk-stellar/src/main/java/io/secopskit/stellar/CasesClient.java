package io.secopskit.stellar;

import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarRules;
import io.secopskit.stellar.model.Case;
import io.secopskit.stellar.model.CaseQuery;
import io.secopskit.stellar.model.CaseUpdate;
import java.time.Instant;

/**
 * Stellar Cyber cases ({@code /connect/api/v1/cases}). Obtain it from {@link StellarClient#cases()}.
 * Thread-safe.
 *
 * <p>Reads and the case update (it sets values) are retried on transient failures within the client's
 * retry policy; adding a comment is never resent. Ids are checked before anything is sent: not empty, not
 * {@code .} or {@code ..}, no control characters, {@code /}, {@code \} or whitespace, at most 512
 * characters ({@link io.secopskit.core.error.ValidationException}, field {@code case_id}).
 */
public final class CasesClient {
    private static final String BASE = "/connect/api/v1/cases";
    static final Operation LIST = op("ListCases", "GET", "");
    static final Operation GET = op("GetCase", "GET", "/{id}");
    static final Operation UPDATE = op("UpdateCase", "PUT", "/{id}");

    private final VendorPipeline pipeline;
    private final CaseCommentsClient comments;

    CasesClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
        this.comments = new CaseCommentsClient(pipeline);
    }

    private static Operation op(String name, String method, String path) {
        return Operation.builder(StellarClient.VENDOR, name, method, BASE + path).build();
    }

    /**
     * Lists cases ({@code GET /connect/api/v1/cases}), lazily, one page of {@link CaseQuery#pageSize()} at a
     * time over {@code skip}/{@code limit}, until a page is short or the vendor's {@code total} is reached.
     * Every page but the last carries a continuation token ({@code resumeFrom(token)} resumes there).
     *
     * @param query filters, sort and page size
     * @return the matching cases
     * @throws io.secopskit.core.error.SecOpsException while iterating, for any failure of a page request
     */
    public PagedIterable<Case> list(CaseQuery query) {
        StellarRules.present(LIST.name(), "query", query);
        int size = query.pageSize();
        return Pager.of(LIST.qualifiedName(), (long) query.skip(), Pager.StateCodec.LONG, (Long skip) -> {
            Envelopes.CasePage page = Envelopes.data(pipeline, listRequest(query, skip), Envelopes.CasePage.class);
            long next = skip + page.cases().size();
            boolean more = page.cases().size() >= size && (page.total() == null || next < page.total());
            return new Pager.Step<>(page.cases(), more ? next : null, page.total() == null ? -1 : page.total());
        });
    }

    private ApiRequest listRequest(CaseQuery q, long skip) {
        return ApiRequest.of(LIST)
                .query("tenantid", q.tenantId())
                .query("limit", q.pageSize())
                .query("skip", skip)
                .query("sort", q.sort())
                .query("order", q.sort() == null && !q.descending() ? null : q.descending() ? "desc" : "asc")
                .query("FROM~created_at", millis(q.createdFrom()))
                .query("TO~created_at", millis(q.createdTo()))
                .query("FROM~modified_at", millis(q.modifiedFrom()))
                .query("TO~modified_at", millis(q.modifiedTo()))
                .query("status", q.status() == null ? null : q.status().wireValue())
                .query("severity", q.severity() == null ? null : q.severity().wireValue())
                .query("tags", q.tags().isEmpty() ? null : String.join(",", q.tags()))
                .build();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /**
     * Reads one case ({@code GET /connect/api/v1/cases/{id}}).
     *
     * @param caseId the case id ({@code _id})
     * @return the case
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException   when there is no such case
     */
    public Case get(String caseId) {
        String id = StellarRules.id(GET.name(), "case_id", caseId);
        return Envelopes.data(pipeline, ApiRequest.of(GET).path("id", id).build(), Case.class);
    }

    /**
     * Changes a case ({@code PUT /connect/api/v1/cases/{id}}): status, severity, assignee, tags, resolution.
     * It sets values, so it is retried on transient failures.
     *
     * @param caseId the case id
     * @param update the changes
     * @return the case after the change
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException   when there is no such case
     */
    public Case update(String caseId, CaseUpdate update) {
        String id = StellarRules.id(UPDATE.name(), "case_id", caseId);
        StellarRules.present(UPDATE.name(), "update", update);
        return Envelopes.data(pipeline, ApiRequest.of(UPDATE).path("id", id).json(update).build(), Case.class);
    }

    /**
     * Returns the comments of cases ({@code /connect/api/v1/cases/{id}/comments}).
     *
     * @return the comments client, sharing this client's pipeline
     */
    public CaseCommentsClient comments() {
        return comments;
    }
}
