package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.SijInjection;

/**
 * At most {@code maxDiagnostic} diagnostic and {@code maxTherapeutic} therapeutic injection sessions in
 * any rolling {@code months} months (Medicare L39455-style). A session is a date: injections of one
 * purpose on one date (both sides, say) are one session. For every session on a date x the window is
 * [x - months + 1 day, x], and all sessions of that purpose in it are counted.
 */
public final class InjectionFrequencyCriterion extends Criterion {
    private final int maxDiagnostic;
    private final int maxTherapeutic;
    private final int months;

    public InjectionFrequencyCriterion(Info info, int maxDiagnostic, int maxTherapeutic, int months) {
        super(CriterionKind.INJECTION_FREQUENCY, info, thresholds(maxDiagnostic, maxTherapeutic, months));
        if (months < 1) {
            throw new CriterionDefinitionException("months", "must be at least 1");
        }
        this.maxDiagnostic = maxDiagnostic;
        this.maxTherapeutic = maxTherapeutic;
        this.months = months;
    }

    private static Map<String, String> thresholds(int diagnostic, int therapeutic, int months) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("maxDiagnostic", Integer.toString(diagnostic));
        t.put("maxTherapeutic", Integer.toString(therapeutic));
        t.put("months", Integer.toString(months));
        return t;
    }

    public int maxDiagnostic() {
        return maxDiagnostic;
    }

    public int maxTherapeutic() {
        return maxTherapeutic;
    }

    public int months() {
        return months;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        List<Evidence> evidence = new ArrayList<>(4);
        StringBuilder text = new StringBuilder(120);
        String diagnostic = busiest(view.injections(), SijInjection.Purpose.DIAGNOSTIC, maxDiagnostic, evidence, text);
        String therapeutic = busiest(view.injections(), SijInjection.Purpose.THERAPEUTIC, maxTherapeutic, evidence, text);
        if (diagnostic != null || therapeutic != null) {
            return Check.notMet(text.toString(), evidence);
        }
        return Check.met("At most " + maxDiagnostic + " diagnostic and " + maxTherapeutic + " therapeutic sessions in any " + months
                + " months.", evidence);
    }

    /** Finds the first window with too many sessions of the purpose; describes it and returns non-null then. */
    private String busiest(List<SijInjection> injections, SijInjection.Purpose purpose, int max, List<Evidence> evidence,
            StringBuilder text) {
        List<SijInjection> sessions = new ArrayList<>();
        for (SijInjection i : injections) {
            if (i.purpose() == purpose && (sessions.isEmpty() || !sessions.get(sessions.size() - 1).date().equals(i.date()))) {
                sessions.add(i);
            }
        }
        int start = 0;
        for (int end = 0; end < sessions.size(); end++) {
            LocalDate from = TimeWindows.rollingStart(sessions.get(end).date(), months);
            while (sessions.get(start).date().isBefore(from)) {
                start++;
            }
            int count = end - start + 1;
            if (count > max) {
                for (int k = start; k <= end; k++) {
                    evidence.add(Evidence.of(sessions.get(k), Format.words(purpose) + " injection session", "session " + (k - start + 1)
                            + " of " + count + " from " + from + " to " + sessions.get(end).date()));
                }
                text.append(text.length() > 0 ? " " : "").append(count).append(' ').append(Format.words(purpose))
                        .append(" sessions from ").append(from).append(" to ").append(sessions.get(end).date())
                        .append(", more than ").append(max).append(" in ").append(months).append(" months.");
                return "exceeded";
            }
        }
        return null;
    }
}
