package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.SymptomHistory;

/** Pain for at least {@code months} calendar months before the evaluation date, from the recorded onset. */
public final class SymptomDurationCriterion extends Criterion {
    private final int months;

    public SymptomDurationCriterion(Info info, int months) {
        super(CriterionKind.SYMPTOM_DURATION, info, Map.of("months", Integer.toString(months)));
        if (months < 1) {
            throw new CriterionDefinitionException("months", "must be at least 1");
        }
        this.months = months;
    }

    public int months() {
        return months;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        SymptomHistory h = view.latestOnset();
        if (h == null) {
            return Check.unknown("No symptom onset is recorded.", none());
        }
        long had = TimeWindows.monthsBetween(h.onset(), date);
        List<Evidence> evidence = List.of(Evidence.of(h, "symptom onset", h.onset().toString()));
        String text = "Pain since " + h.onset() + ": " + had + " month" + (had == 1 ? "" : "s") + " by " + date
                + " (at least " + months + " required).";
        return TimeWindows.atLeastMonths(h.onset(), date, months) ? Check.met(text, evidence) : Check.notMet(text, evidence);
    }
}
