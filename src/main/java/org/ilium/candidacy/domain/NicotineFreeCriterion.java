package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.RiskFactor;

/**
 * Nicotine-free: the latest cotinine test within {@code withinDays} of the evaluation date is at most
 * {@code maxCotinine} ng/mL. A smoking status of {@code current} fails unless a later cotinine test shows
 * the patient has stopped. Without a cotinine test in the window: UNKNOWN, or, when
 * {@code requireCotinine} is false, MET for a recorded never or former smoker.
 */
public final class NicotineFreeCriterion extends Criterion {
    private final double maxCotinine;
    private final Integer withinDays;
    private final boolean requireCotinine;

    public NicotineFreeCriterion(Info info, double maxCotinine, Integer withinDays, boolean requireCotinine) {
        super(CriterionKind.NICOTINE_FREE, info, thresholds(maxCotinine, withinDays, requireCotinine));
        this.maxCotinine = maxCotinine;
        this.withinDays = withinDays;
        this.requireCotinine = requireCotinine;
    }

    private static Map<String, String> thresholds(double max, Integer within, boolean require) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("maxCotinine", Format.num(max));
        if (within != null) {
            t.put("withinDays", within.toString());
        }
        t.put("requireCotinine", Boolean.toString(require));
        return t;
    }

    public double maxCotinine() {
        return maxCotinine;
    }

    public Integer withinDays() {
        return withinDays;
    }

    public boolean requireCotinine() {
        return requireCotinine;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        RiskFactor smoking = view.latest(RiskFactor.Type.SMOKING_STATUS);
        RiskFactor cotinine = view.latest(RiskFactor.Type.COTININE);
        if (cotinine != null && cotinine.value() == null) {
            cotinine = null;
        }
        List<Evidence> evidence = new ArrayList<>(2);
        if (smoking != null && smoking.status() != null) {
            evidence.add(Evidence.of(smoking, "smoking status", smoking.status()));
        }
        if (cotinine != null) {
            evidence.add(Evidence.of(cotinine, "cotinine", Format.num(cotinine.value()) + " ng/mL"));
        }
        if (smoking != null && "current".equals(smoking.status()) && (cotinine == null || !cotinine.date().isAfter(smoking.date()))) {
            return Check.notMet("Current smoker (recorded on " + smoking.date() + ").", evidence);
        }
        boolean inWindow = cotinine != null && (withinDays == null || TimeWindows.withinDays(cotinine.date(), date, withinDays));
        if (inWindow) {
            String text = "Cotinine " + Format.num(cotinine.value()) + " ng/mL on " + cotinine.date();
            return cotinine.value() <= maxCotinine ? Check.met(text + " (at most " + Format.num(maxCotinine) + ").", evidence)
                    : Check.notMet(text + ", above " + Format.num(maxCotinine) + " ng/mL.", evidence);
        }
        String window = withinDays == null ? "" : " within " + withinDays + " days";
        if (!requireCotinine && smoking != null && ("never".equals(smoking.status()) || "former".equals(smoking.status()))) {
            return Check.met("Smoking status " + smoking.status() + " (recorded on " + smoking.date() + "); no cotinine test" + window
                    + " needed.", evidence);
        }
        return Check.unknown("No cotinine test" + window + (cotinine == null ? "" : "; the latest is of " + cotinine.date()) + '.',
                evidence);
    }
}
