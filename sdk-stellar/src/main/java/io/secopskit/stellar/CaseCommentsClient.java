package io.secopskit.stellar;

import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarRules;
import io.secopskit.stellar.model.CaseComment;
import java.util.Map;

/**
 * The comments of Stellar Cyber cases ({@code /connect/api/v1/cases/{id}/comments}). Obtain it from
 * {@link CasesClient#comments()}. Thread-safe.
 */
public final class CaseCommentsClient {
    private static final String PATH = "/connect/api/v1/cases/{id}/comments";
    static final Operation LIST = Operation.builder(StellarClient.VENDOR, "ListCaseComments", "GET", PATH).build();
    static final Operation CREATE = Operation.builder(StellarClient.VENDOR, "AddCaseComment", "POST", PATH).build();

    private final VendorPipeline pipeline;

    CaseCommentsClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Lists a case's comments ({@code GET /connect/api/v1/cases/{id}/comments}). The vendor returns them in
     * one answer, so the list has one page (without a continuation token), fetched when iteration starts.
     *
     * @param caseId the case id
     * @return the comments, oldest first
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.SecOpsException     while iterating, for any failure of the request
     */
    public PagedIterable<CaseComment> list(String caseId) {
        String id = StellarRules.id(LIST.name(), "case_id", caseId);
        return Pager.single(LIST.qualifiedName(),
                () -> Envelopes.list(pipeline, ApiRequest.of(LIST).path("id", id).build(), CaseComment.class));
    }

    /**
     * Adds a comment to a case ({@code POST /connect/api/v1/cases/{id}/comments} with
     * {@code {"comment": ...}}). Sent at most once: a repeat would add the comment twice, so a failure after
     * sending (dropped connection, timeout, 5xx, 429) surfaces and is never resent.
     *
     * @param caseId  the case id
     * @param comment the text; not blank
     * @return the stored comment
     * @throws io.secopskit.core.error.ValidationException if the id or the text breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.SecOpsException     for any failure of the request
     */
    public CaseComment create(String caseId, String comment) {
        String op = CREATE.name();
        String id = StellarRules.id(op, "case_id", caseId);
        String text = StellarRules.required(op, "comment", comment);
        return Envelopes.data(pipeline, ApiRequest.of(CREATE).path("id", id).json(Map.of("comment", text)).build(),
                CaseComment.class);
    }
}
