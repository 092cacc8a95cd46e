package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ilium.workup.domain.WorkupCase;

/**
 * Evaluates cases against policies. Plain Java, stateless after construction and safe to share between
 * threads. The outcome of a policy: any criterion NOT_MET gives NOT_ELIGIBLE; otherwise any UNKNOWN gives
 * INCOMPLETE, listing the missing hint of each unknown criterion; otherwise ELIGIBLE. Only records dated on
 * or before the evaluation date count. The provocation cluster and prognostic notes are the same for every
 * policy and are computed once per case.
 */
public final class CandidacyEvaluator {
    private final DiagnosticRules diagnostics;
    private final PrognosisRules prognosis;

    public CandidacyEvaluator(DiagnosticRules diagnostics, PrognosisRules prognosis) {
        this.diagnostics = diagnostics;
        this.prognosis = prognosis;
    }

    public DiagnosticRules diagnostics() {
        return diagnostics;
    }

    public PrognosisRules prognosis() {
        return prognosis;
    }

    public Determination evaluate(WorkupCase c, Policy policy, LocalDate date) {
        CaseView view = CaseView.of(c, date);
        return evaluate(view, policy, diagnostics.cluster(view), prognosis.notes(view));
    }

    /** One view of the case, every policy evaluated on it, in the order given. */
    public List<Determination> evaluateAll(WorkupCase c, List<Policy> policies, LocalDate date) {
        CaseView view = CaseView.of(c, date);
        ProvocationCluster cluster = diagnostics.cluster(view);
        List<PrognosticNote> notes = prognosis.notes(view);
        List<Determination> out = new ArrayList<>(policies.size());
        for (Policy p : policies) {
            out.add(evaluate(view, p, cluster, notes));
        }
        return List.copyOf(out);
    }

    /** For a caller that already holds a view (it must be of the evaluation date wanted). */
    public Determination evaluate(CaseView view, Policy policy) {
        return evaluate(view, policy, diagnostics.cluster(view), prognosis.notes(view));
    }

    private static Determination evaluate(CaseView view, Policy policy, ProvocationCluster cluster, List<PrognosticNote> notes) {
        List<Criterion> criteria = policy.criteria();
        List<CriterionResult> results = new ArrayList<>(criteria.size());
        List<String> missing = new ArrayList<>(2);
        boolean notMet = false;
        boolean unknown = false;
        for (Criterion criterion : criteria) {
            CriterionResult r = criterion.evaluate(view, view.date());
            results.add(r);
            if (r.status() == CriterionStatus.NOT_MET) {
                notMet = true;
            } else if (r.status() == CriterionStatus.UNKNOWN) {
                unknown = true;
                missing.add(r.missing());
            }
        }
        Outcome outcome = notMet ? Outcome.NOT_ELIGIBLE : unknown ? Outcome.INCOMPLETE : Outcome.ELIGIBLE;
        return new Determination(view.reference(), policy.id(), policy.version(), policy.name(), view.date(), outcome,
                java.util.Collections.unmodifiableList(results), java.util.Collections.unmodifiableList(missing), cluster, notes);
    }
}
