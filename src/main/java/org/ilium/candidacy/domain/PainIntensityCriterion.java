package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.SymptomHistory;

/**
 * The latest pain score (within {@code withinMonths} of the evaluation date, when given) is at least
 * {@code minNrs} on the 0-10 scale: NRS as recorded, VAS / 10 only when no NRS was recorded. With
 * {@code functionalImpairment: true} the pain must also affect function: the latest symptom history says
 * so, or the latest ODI score (in the same window) is at least {@code minOdi}. Function counts as not
 * impaired when every recorded source says no; as unknown when nothing is recorded.
 */
public final class PainIntensityCriterion extends Criterion {
    private final double minNrs;
    private final Integer withinMonths;
    private final boolean functionalImpairment;
    private final Double minOdi;

    public PainIntensityCriterion(Info info, double minNrs, Integer withinMonths, boolean functionalImpairment, Double minOdi) {
        super(CriterionKind.PAIN_INTENSITY, info, thresholds(minNrs, withinMonths, functionalImpairment, minOdi));
        if (minOdi != null && !functionalImpairment) {
            throw new CriterionDefinitionException("minOdi", "applies only with functionalImpairment: true");
        }
        this.minNrs = minNrs;
        this.withinMonths = withinMonths;
        this.functionalImpairment = functionalImpairment;
        this.minOdi = minOdi;
    }

    private static Map<String, String> thresholds(double minNrs, Integer within, boolean fi, Double minOdi) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("minNrs", Format.num(minNrs));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        t.put("functionalImpairment", Boolean.toString(fi));
        if (minOdi != null) {
            t.put("minOdi", Format.num(minOdi));
        }
        return t;
    }

    public double minNrs() {
        return minNrs;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    public boolean functionalImpairment() {
        return functionalImpairment;
    }

    public Double minOdi() {
        return minOdi;
    }

    private boolean inWindow(LocalDate d, LocalDate date) {
        return withinMonths == null || TimeWindows.withinMonths(d, date, withinMonths);
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        PainScore score = null;
        List<PainScore> scores = view.painScores();
        for (int i = scores.size() - 1; i >= 0; i--) {
            if (scores.get(i).nrsEquivalent() != null) {
                score = scores.get(i);
                break;
            }
        }
        if (score == null || !inWindow(score.date(), date)) {
            String text = score == null ? "No pain score is recorded."
                    : "The latest pain score, of " + score.date() + ", is older than " + withinMonths + " months.";
            return Check.unknown(text, score == null ? none() : List.of(Evidence.of(score, "pain score", painText(score))));
        }
        List<Evidence> evidence = new ArrayList<>(3);
        double nrs = score.nrsEquivalent();
        evidence.add(Evidence.of(score, "pain score", painText(score)));
        StringBuilder text = new StringBuilder(120).append("Pain ").append(painText(score)).append(" on ").append(score.date());
        if (nrs < minNrs) {
            return Check.notMet(text.append(", below ").append(Format.num(minNrs)).append("/10.").toString(), evidence);
        }
        text.append(" (at least ").append(Format.num(minNrs)).append("/10)");
        if (!functionalImpairment) {
            return Check.met(text.append('.').toString(), evidence);
        }
        SymptomHistory history = null;
        List<SymptomHistory> histories = view.symptomHistory();
        for (int i = histories.size() - 1; i >= 0; i--) {
            if (histories.get(i).functionalImpairment() != null) {
                history = histories.get(i);
                break;
            }
        }
        OdiAssessment odi = null;
        if (minOdi != null && view.latestOdi() != null && inWindow(view.latestOdi().date(), date)) {
            odi = view.latestOdi();
        }
        Double odiScore = odi == null ? null : view.latestOdiScore();
        if (history != null) {
            evidence.add(Evidence.of(history, "functional impairment", history.functionalImpairment() ? "yes" : "no"));
        }
        if (odi != null) {
            evidence.add(Evidence.of(odi, "ODI score", Format.num(odiScore)));
        }
        if (history != null && history.functionalImpairment()) {
            return Check.met(text.append(", with functional impairment recorded on ").append(history.date()).append('.').toString(),
                    evidence);
        }
        if (odiScore != null && odiScore >= minOdi) {
            return Check.met(text.append(", with ODI ").append(Format.num(odiScore)).append(" on ").append(odi.date())
                    .append(" (at least ").append(Format.num(minOdi)).append(").").toString(), evidence);
        }
        if (history != null || odiScore != null) {
            text.append(", but function is not impaired:");
            if (history != null) {
                text.append(" no functional impairment recorded on ").append(history.date());
            }
            if (odiScore != null) {
                text.append(history != null ? ";" : "").append(" ODI ").append(Format.num(odiScore)).append(" below ")
                        .append(Format.num(minOdi));
            }
            return Check.notMet(text.append('.').toString(), evidence);
        }
        return Check.unknown(text.append(", but the effect on function is not recorded.").toString(), evidence);
    }

    static String painText(PainScore s) {
        if (s.nrs() != null) {
            return "NRS " + s.nrs() + "/10";
        }
        return "VAS " + s.vas() + " mm (" + Format.num(s.vas() / 10.0) + "/10)";
    }
}
