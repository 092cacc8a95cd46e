package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.RiskFactor;

/** The latest body mass index (optionally within {@code withinMonths}) is at most {@code max} kg/m2. */
public final class BmiMaxCriterion extends Criterion {
    private final double max;
    private final Integer withinMonths;

    public BmiMaxCriterion(Info info, double max, Integer withinMonths) {
        super(CriterionKind.BMI_MAX, info, thresholds(max, withinMonths));
        this.max = max;
        this.withinMonths = withinMonths;
    }

    private static Map<String, String> thresholds(double max, Integer within) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("max", Format.num(max));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        return t;
    }

    public double max() {
        return max;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        RiskFactor bmi = view.latest(RiskFactor.Type.BMI);
        if (bmi == null || bmi.value() == null) {
            return Check.unknown("No body mass index is recorded.", none());
        }
        List<Evidence> evidence = List.of(Evidence.of(bmi, "body mass index", Format.num(bmi.value()) + " kg/m2"));
        if (withinMonths != null && !TimeWindows.withinMonths(bmi.date(), date, withinMonths)) {
            return Check.unknown("The latest body mass index, of " + bmi.date() + ", is older than " + withinMonths + " months.", evidence);
        }
        String text = "BMI " + Format.num(bmi.value()) + " kg/m2 on " + bmi.date();
        return bmi.value() <= max ? Check.met(text + " (at most " + Format.num(max) + ").", evidence)
                : Check.notMet(text + ", above " + Format.num(max) + ".", evidence);
    }
}
