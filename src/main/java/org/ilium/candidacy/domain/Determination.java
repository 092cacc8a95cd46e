package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The decision of one policy on one case on one date, with every criterion explained, what is
 * missing to decide, the provocation cluster and prognostic notes.
 */
public record Determination(String caseReference, String policyId, String policyVersion, String policyName,
        LocalDate evaluationDate, Outcome outcome, List<CriterionResult> criteria, List<String> missing,
        ProvocationCluster provocationCluster, List<PrognosticNote> prognosis) {
}
