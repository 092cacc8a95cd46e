package org.ilium.candidacy;

import java.time.LocalDate;
import org.ilium.candidacy.domain.CaseView;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.CriterionResult;

/** Helpers for criterion tests: an info block and evaluation of a scenario on its date. */
final class Criteria {
    static final Citation SOURCE = new Citation("Test source", "section 1", null);

    private Criteria() {
    }

    static Criterion.Info info(String id) {
        return Criterion.Info.of(id, "Test " + id, SOURCE);
    }

    static CriterionResult evaluate(Criterion criterion, CaseBuilder scenario) {
        LocalDate date = scenario.evaluationDate();
        return criterion.evaluate(CaseView.of(scenario.build(), date), date);
    }
}
