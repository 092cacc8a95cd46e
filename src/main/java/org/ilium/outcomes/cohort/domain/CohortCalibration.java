package org.ilium.outcomes.cohort.domain;

import java.util.List;
import java.util.Map;
import org.ilium.surgery.domain.ClavienDindo;

/**
 * The figures a synthetic cohort is drawn from (content/outcomes/synthetic-cohort.yaml, each with its source).
 * Shares are 0-1, pain on the 0-10 NRS, ODI 0-100, durations in days, months or years as named.
 */
public record CohortCalibration(Population population, Pathway pathway, OutcomeModel outcome, Prognosis prognosis,
        List<ResponsePoint> responseCurve, double responseCorrelation, Map<String, Double> complicationRatesPercent,
        Map<ClavienDindo, Double> gradeShares, Revision revision) {

    public CohortCalibration {
        responseCurve = List.copyOf(responseCurve);
        complicationRatesPercent = Map.copyOf(complicationRatesPercent);
        gradeShares = Map.copyOf(gradeShares);
    }

    public record Population(double femaleShare, double ageMean, double ageSd, int ageMin, int ageMax, double smokerShare,
            double smokerQuitShare, double opioidShare, double priorLumbarFusionShare, double symptomMonthsMedian, double bilateralShare) {
    }

    public record Pathway(int years, double nonCandidateShare, double notOperatedShare, int decisionDaysMin, int decisionDaysMax,
            int surgeryDaysMin, int surgeryDaysMax) {
    }

    public record OutcomeModel(double baselinePainMean, double baselinePainSd, double baselineOdiMean, double baselineOdiSd,
            double baselineLegPainMean, double responderShare, double responderReliefMean, double responderReliefSd,
            double nonResponderReliefMean, double nonResponderReliefSd, double odiReliefRatio, double painNoiseSd, double odiNoiseSd,
            double recoveryDays, double odiBlankSectionShare) {
    }

    /** A prognostic factor: odds ratio on being a responder, and a shift of the relief of a responder. */
    public record Effect(double oddsRatio, double reliefShift) {
    }

    public record Prognosis(int youngerThanYears, int shortDurationMonths, Effect smoker, Effect opioids, Effect younger,
            Effect shortDuration, Effect priorLumbarFusion) {
    }

    /** Share of patients answering a timepoint this many months after surgery (0 = baseline). */
    public record ResponsePoint(double months, double share) {
    }

    public record Revision(double byTwoYears, double perYearAfter, double nonResponderRiskRatio) {
    }

    /** The response share at {@code months} after surgery, linear between the curve's points, flat beyond its ends. */
    public double responseShare(double months) {
        List<ResponsePoint> c = responseCurve;
        if (months <= c.get(0).months()) {
            return c.get(0).share();
        }
        for (int i = 1; i < c.size(); i++) {
            ResponsePoint b = c.get(i);
            if (months <= b.months()) {
                ResponsePoint a = c.get(i - 1);
                return a.share() + (b.share() - a.share()) * (months - a.months()) / (b.months() - a.months());
            }
        }
        return c.get(c.size() - 1).share();
    }
}
