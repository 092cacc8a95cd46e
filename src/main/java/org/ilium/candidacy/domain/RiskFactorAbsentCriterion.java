package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ilium.workup.domain.RiskFactor;

/**
 * An exclusion: the latest record of {@code factor} (optionally within {@code withinMonths}) must not show
 * it. For a yes/no factor (generalised pain disorder) "present: true" fails; for a factor with statuses
 * (behavioural health) a status listed in {@code statuses} fails (e.g. {@code unmanaged}). No record:
 * UNKNOWN, since an exclusion not asked about cannot be taken as absent.
 */
public final class RiskFactorAbsentCriterion extends Criterion {
    private final RiskFactor.Type factor;
    private final Set<String> statuses;
    private final Integer withinMonths;
    private final String factorWords;

    public RiskFactorAbsentCriterion(Info info, RiskFactor.Type factor, Set<String> statuses, Integer withinMonths) {
        super(CriterionKind.RISK_FACTOR_ABSENT, info, thresholds(factor, statuses, withinMonths));
        if (factor.kind() == RiskFactor.Kind.VALUE) {
            throw new CriterionDefinitionException("factor", Format.code(factor) + " is a measured value; use nicotine_free or bmi_max");
        }
        if (factor.kind() == RiskFactor.Kind.STATUS) {
            if (statuses.isEmpty()) {
                throw new CriterionDefinitionException("statuses", "is required for " + Format.code(factor) + ": the statuses that "
                        + "rule the patient out, among " + String.join(", ", factor.statuses()));
            }
            for (String s : statuses) {
                if (!factor.statuses().contains(s)) {
                    throw new CriterionDefinitionException("statuses", "has " + s + ", which is not a status of " + Format.code(factor)
                            + " (" + String.join(", ", factor.statuses()) + ")");
                }
            }
        } else if (!statuses.isEmpty()) {
            throw new CriterionDefinitionException("statuses", "does not apply to " + Format.code(factor) + ", which is recorded as "
                    + "present or not");
        }
        this.factor = factor;
        this.statuses = Set.copyOf(statuses);
        this.withinMonths = withinMonths;
        this.factorWords = Format.words(factor);
    }

    private static Map<String, String> thresholds(RiskFactor.Type factor, Set<String> statuses, Integer within) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("factor", Format.words(factor));
        if (!statuses.isEmpty()) {
            t.put("statuses", String.join(", ", new TreeSet<>(statuses)));
        }
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        return t;
    }

    public RiskFactor.Type factor() {
        return factor;
    }

    /** The statuses that rule the patient out (status factors only). */
    public Set<String> statuses() {
        return statuses;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        RiskFactor r = view.latest(factor);
        if (r == null || withinMonths != null && !TimeWindows.withinMonths(r.date(), date, withinMonths)) {
            return Check.unknown(r == null ? "Not recorded whether the patient has " + factorWords + '.'
                    : "The latest record of " + factorWords + ", of " + r.date() + ", is older than " + withinMonths + " months.",
                    r == null ? none() : List.of(Evidence.of(r, factorWords, value(r))));
        }
        List<Evidence> evidence = List.of(Evidence.of(r, factorWords, value(r)));
        boolean ruledOut = factor.kind() == RiskFactor.Kind.FLAG ? Boolean.TRUE.equals(r.present()) : statuses.contains(r.status());
        if (r.present() == null && r.status() == null) {
            return Check.unknown("The record of " + factorWords + " of " + r.date() + " has no value.", evidence);
        }
        if (ruledOut) {
            return Check.notMet(factor.kind() == RiskFactor.Kind.FLAG ? capital(factorWords) + " recorded on " + r.date() + '.'
                    : capital(factorWords) + ": " + r.status() + " (recorded on " + r.date() + ").", evidence);
        }
        return Check.met(factor.kind() == RiskFactor.Kind.FLAG ? "No " + factorWords + " (recorded on " + r.date() + ")."
                : capital(factorWords) + ": " + r.status() + " (recorded on " + r.date() + ").", evidence);
    }

    private static String value(RiskFactor r) {
        if (r.status() != null) {
            return r.status();
        }
        return r.present() == null ? "not recorded" : r.present() ? "present" : "absent";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
