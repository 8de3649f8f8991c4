package io.secopskit.stellar;

import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarRules;
import io.secopskit.stellar.model.Case;
import io.secopskit.stellar.model.CaseComment;
import io.secopskit.stellar.model.CaseQuery;
import io.secopskit.stellar.model.CaseUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stellar Cyber cases ({@code /connect/api/v1/cases}). Obtain it from {@link StellarCyberClient#cases()}.
 * Thread-safe.
 */
public final class CasesClient {
    private static final String BASE = "/connect/api/v1/cases";
    static final Operation LIST = op("ListCases", "GET", "");
    static final Operation GET = op("GetCase", "GET", "/{id}");
    static final Operation UPDATE = op("UpdateCase", "PUT", "/{id}");
    static final Operation LIST_COMMENTS = op("ListCaseComments", "GET", "/{id}/comments");
    static final Operation ADD_COMMENT = op("AddCaseComment", "POST", "/{id}/comments");

    private final VendorPipeline pipeline;

    CasesClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private static Operation op(String name, String method, String path) {
        return Operation.builder(StellarRules.VENDOR, name, method, BASE + path).build();
    }

    /**
     * Lists cases ({@code GET /connect/api/v1/cases}), lazily, one page of {@link CaseQuery#limit()} at a
     * time over {@code skip}/{@code limit}, until the vendor's {@code total} is reached.
     *
     * @param query filters, sort and page size
     * @return the matching cases
     */
    public PagedIterable<Case> list(CaseQuery query) {
        Objects.requireNonNull(query, "query");
        return Pager.of(LIST.qualifiedName(), (long) query.skip(), Pager.StateCodec.LONG, (Long skip) -> {
            Envelopes.CasePage page = Envelopes.data(pipeline, listRequest(query, skip), Envelopes.CasePage.class);
            long next = skip + page.cases().size();
            boolean more = page.cases().size() == query.limit() && next < page.total();
            return new Pager.Step<>(page.cases(), more ? next : null, page.total());
        });
    }

    private ApiRequest listRequest(CaseQuery q, long skip) {
        return ApiRequest.of(LIST)
                .query("tenantid", q.tenantId())
                .query("limit", q.limit())
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
     * @param caseId the case id
     * @return the case
     * @throws io.secopskit.core.error.NotFoundException when there is no such case
     */
    public Case get(String caseId) {
        return Envelopes.data(pipeline, ApiRequest.of(GET).path("id", StellarRules.id(GET.name(), "case_id", caseId))
                .build(), Case.class);
    }

    /**
     * Changes a case ({@code PUT /connect/api/v1/cases/{id}}): status, severity, assignee, tags, resolution.
     *
     * @param caseId the case id
     * @param update the changes
     * @return the case after the change
     */
    public Case update(String caseId, CaseUpdate update) {
        Objects.requireNonNull(update, "update");
        return Envelopes.data(pipeline, ApiRequest.of(UPDATE).path("id", StellarRules.id(UPDATE.name(), "case_id", caseId))
                .json(update).build(), Case.class);
    }

    /**
     * Lists a case's comments ({@code GET /connect/api/v1/cases/{id}/comments}).
     *
     * @param caseId the case id
     * @return the comments, oldest first
     */
    public List<CaseComment> comments(String caseId) {
        return Envelopes.list(pipeline, ApiRequest.of(LIST_COMMENTS)
                .path("id", StellarRules.id(LIST_COMMENTS.name(), "case_id", caseId)).build(), CaseComment.class);
    }

    /**
     * Adds a comment to a case ({@code POST /connect/api/v1/cases/{id}/comments} with {@code {"comment": ...}}).
     * Not retried: a repeat would add the comment twice.
     *
     * @param caseId  the case id
     * @param comment the text
     * @return the stored comment
     */
    public CaseComment addComment(String caseId, String comment) {
        String op = ADD_COMMENT.name();
        return Envelopes.data(pipeline, ApiRequest.of(ADD_COMMENT).path("id", StellarRules.id(op, "case_id", caseId))
                .json(Map.of("comment", StellarRules.required(op, "comment", comment))).build(), CaseComment.class);
    }
}
