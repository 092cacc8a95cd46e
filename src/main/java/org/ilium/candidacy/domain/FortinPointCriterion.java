package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.FortinFinding;

/**
 * The latest Fortin finger test on the episode's side (a finding on both sides counts for either;
 * optionally within {@code withinMonths}) is positive; for a bilateral episode on each side.
 */
public final class FortinPointCriterion extends Criterion {
    private final Integer withinMonths;

    public FortinPointCriterion(Info info, Integer withinMonths) {
        super(CriterionKind.FORTIN_POINT, info, thresholds(withinMonths));
        this.withinMonths = withinMonths;
    }

    private static Map<String, String> thresholds(Integer within) {
        Map<String, String> t = new LinkedHashMap<>();
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        return t;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        CriterionStatus status = CriterionStatus.MET;
        List<Evidence> evidence = new ArrayList<>(2);
        StringBuilder text = new StringBuilder(80);
        List<Side> sides = view.sides();
        for (Side side : sides) {
            FortinFinding latest = null;
            for (FortinFinding f : view.fortin()) {
                if (CaseView.covers(f.side(), side) && (withinMonths == null || TimeWindows.withinMonths(f.date(), date, withinMonths))) {
                    latest = f;
                }
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            String where = sides.size() > 1 ? (side == Side.LEFT ? "Left: " : "Right: ") : "";
            text.append(where);
            if (latest == null) {
                status = Check.worst(status, CriterionStatus.UNKNOWN);
                text.append("no Fortin finger test ").append(withinMonths == null ? "recorded" : "within " + withinMonths + " months")
                        .append(" on the ").append(Format.side(side)).append('.');
                continue;
            }
            evidence.add(Evidence.of(latest, "Fortin finger test, " + Format.side(side), latest.positive() ? "positive" : "negative"));
            text.append("Fortin finger test ").append(latest.positive() ? "positive" : "negative").append(" on ").append(latest.date())
                    .append('.');
            status = Check.worst(status, latest.positive() ? CriterionStatus.MET : CriterionStatus.NOT_MET);
        }
        return new Check(status, text.toString(), evidence);
    }
}
