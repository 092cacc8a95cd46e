package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.SijInjection;

/**
 * At least {@code minCount} therapeutic SI joint injections tried (on separate dates, on the episode's
 * side; optionally within {@code withinMonths}). Their effect does not matter here: the policy asks that
 * the treatment was tried. Fewer recorded: UNKNOWN (one still to be tried or recorded).
 */
public final class TherapeuticInjectionCriterion extends Criterion {
    private final int minCount;
    private final Integer withinMonths;

    public TherapeuticInjectionCriterion(Info info, int minCount, Integer withinMonths) {
        super(CriterionKind.THERAPEUTIC_INJECTION, info, thresholds(minCount, withinMonths));
        if (minCount < 1) {
            throw new CriterionDefinitionException("minCount", "must be at least 1");
        }
        this.minCount = minCount;
        this.withinMonths = withinMonths;
    }

    private static Map<String, String> thresholds(int count, Integer within) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("minCount", Integer.toString(count));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        return t;
    }

    public int minCount() {
        return minCount;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        CriterionStatus status = CriterionStatus.MET;
        List<Evidence> evidence = new ArrayList<>(2);
        StringBuilder text = new StringBuilder(100);
        List<Side> sides = view.sides();
        for (Side side : sides) {
            int count = 0;
            LocalDate last = null;
            for (SijInjection i : view.injections()) {
                if (i.purpose() == SijInjection.Purpose.THERAPEUTIC && CaseView.covers(i.side(), side)
                        && (withinMonths == null || TimeWindows.withinMonths(i.date(), date, withinMonths))
                        && !i.date().equals(last)) {
                    count++;
                    last = i.date();
                    Double r = i.reliefPercent();
                    evidence.add(Evidence.of(i, "therapeutic injection, " + Format.side(side),
                            r == null ? "tried" : "tried, " + Format.num(r) + " % relief"));
                }
            }
            status = Check.worst(status, count >= minCount ? CriterionStatus.MET : CriterionStatus.UNKNOWN);
            if (text.length() > 0) {
                text.append(' ');
            }
            if (sides.size() > 1) {
                text.append(side == Side.LEFT ? "Left: " : "Right: ");
            }
            text.append(count).append(count == 1 ? " therapeutic injection" : " therapeutic injections").append(" tried")
                    .append(last == null ? "" : ", the latest on " + last).append('.');
        }
        text.append(" At least ").append(minCount).append(" required.");
        return new Check(status, text.toString(), evidence);
    }
}
