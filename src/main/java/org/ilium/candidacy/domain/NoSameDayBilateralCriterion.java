package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.PlannedProcedure;

/**
 * Both sides are not fused on the same day. A one-sided episode meets it by itself; a bilateral one needs
 * the planned procedure to say so.
 */
public final class NoSameDayBilateralCriterion extends Criterion {

    public NoSameDayBilateralCriterion(Info info) {
        super(CriterionKind.NO_SAME_DAY_BILATERAL, info, Map.of());
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        PlannedProcedure p = view.plannedProcedure();
        if (p != null && Boolean.TRUE.equals(p.bilateralSameDay())) {
            return Check.notMet("Both sides are planned for the same day.",
                    List.of(Evidence.of(p, "bilateral on the same day", "yes")));
        }
        if (p != null && Boolean.FALSE.equals(p.bilateralSameDay())) {
            return Check.met("Not planned as a same-day bilateral procedure.", List.of(Evidence.of(p, "bilateral on the same day", "no")));
        }
        if (view.side() != Side.BILATERAL) {
            return Check.met("The episode treats one side.", none());
        }
        return Check.unknown("The episode treats both sides; not recorded whether both would be fused the same day.",
                p == null ? none() : List.of(Evidence.of(p, "bilateral on the same day", "not recorded")));
    }
}
