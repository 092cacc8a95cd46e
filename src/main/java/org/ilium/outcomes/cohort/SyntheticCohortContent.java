package org.ilium.outcomes.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.outcomes.cohort.domain.CohortCalibration;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;
import org.ilium.surgery.domain.ClavienDindo;

/**
 * The calibration of synthetic cohorts from {@code content/outcomes/synthetic-cohort.yaml}; a site's
 * {@code <ILIUM_CONTENT_DIR>/outcomes/synthetic-cohort.yaml} replaces it. Every figure is {@code {value, source}},
 * optionally {@code unverified: true}; a missing, unknown or out-of-range figure fails naming file and line.
 */
public final class SyntheticCohortContent {
    public static final String FILE = "outcomes/synthetic-cohort.yaml";

    private SyntheticCohortContent() {
    }

    public static CohortCalibration load(Path overrideDirOrNull) {
        return read(ContentLibrary.of(overrideDirOrNull).requireFile(FILE).parse());
    }

    static CohortCalibration read(ContentNode root) {
        root.unknownKeys("id", "version", "population", "pathway", "outcome", "prognosis", "response", "complications", "revision");
        root.text("id");
        root.text("version");
        ContentNode pop = root.get("population");
        pop.unknownKeys("femaleShare", "ageMean", "ageSd", "ageMin", "ageMax", "smokerShare", "smokerQuitShare", "opioidShare",
                "priorLumbarFusionShare", "symptomMonthsMedian", "bilateralShare");
        int ageMin = (int) value(pop, "ageMin", 18, 100);
        int ageMax = (int) value(pop, "ageMax", ageMin, 100);
        var population = new CohortCalibration.Population(share(pop, "femaleShare"), value(pop, "ageMean", 18, 100),
                value(pop, "ageSd", 0, 40), ageMin, ageMax, share(pop, "smokerShare"), share(pop, "smokerQuitShare"), share(pop, "opioidShare"),
                share(pop, "priorLumbarFusionShare"), value(pop, "symptomMonthsMedian", 6, 600), share(pop, "bilateralShare"));
        ContentNode pw = root.get("pathway");
        pw.unknownKeys("years", "nonCandidateShare", "notOperatedShare", "decisionDaysMin", "decisionDaysMax", "surgeryDaysMin",
                "surgeryDaysMax");
        int decisionMin = (int) value(pw, "decisionDaysMin", 30, 3650);
        int surgeryMin = (int) value(pw, "surgeryDaysMin", 0, 3650);
        var pathway = new CohortCalibration.Pathway((int) value(pw, "years", 1, 30), share(pw, "nonCandidateShare"),
                share(pw, "notOperatedShare"), decisionMin, (int) value(pw, "decisionDaysMax", decisionMin, 3650), surgeryMin,
                (int) value(pw, "surgeryDaysMax", surgeryMin, 3650));
        ContentNode o = root.get("outcome");
        o.unknownKeys("baselinePainMean", "baselinePainSd", "baselineOdiMean", "baselineOdiSd", "baselineLegPainMean", "responderShare",
                "responderReliefMean", "responderReliefSd", "nonResponderReliefMean", "nonResponderReliefSd", "odiReliefRatio", "painNoiseSd",
                "odiNoiseSd", "recoveryDays", "odiBlankSectionShare");
        double responderShare = share(o, "responderShare");
        if (responderShare <= 0 || responderShare >= 1) {
            throw o.fieldError("responderShare", "must lie strictly between 0 and 1");
        }
        var outcome = new CohortCalibration.OutcomeModel(value(o, "baselinePainMean", 5, 10), value(o, "baselinePainSd", 0, 5),
                value(o, "baselineOdiMean", 21, 100), value(o, "baselineOdiSd", 0, 40), value(o, "baselineLegPainMean", 0, 10), responderShare,
                value(o, "responderReliefMean", 0, 1), value(o, "responderReliefSd", 0, 1), value(o, "nonResponderReliefMean", -1, 1),
                value(o, "nonResponderReliefSd", 0, 1), value(o, "odiReliefRatio", 0, 2), value(o, "painNoiseSd", 0, 5),
                value(o, "odiNoiseSd", 0, 30), value(o, "recoveryDays", 1, 730), share(o, "odiBlankSectionShare"));
        ContentNode pr = root.get("prognosis");
        pr.unknownKeys("youngerThanYears", "shortDurationMonths", "smoker", "opioids", "younger", "shortDuration", "priorLumbarFusion");
        var prognosis = new CohortCalibration.Prognosis((int) value(pr, "youngerThanYears", 18, 100),
                (int) value(pr, "shortDurationMonths", 1, 600), effect(pr, "smoker"), effect(pr, "opioids"), effect(pr, "younger"),
                effect(pr, "shortDuration"), effect(pr, "priorLumbarFusion"));
        ContentNode resp = root.get("response");
        resp.unknownKeys("curve", "correlation");
        List<CohortCalibration.ResponsePoint> curve = new ArrayList<>();
        for (ContentNode point : resp.list("curve")) {
            point.unknownKeys("months", "share", "source", "unverified");
            point.text("source");
            point.bool("unverified", false);
            double months = point.decimal("months", 0, 600);
            if (!curve.isEmpty() && months <= curve.get(curve.size() - 1).months()) {
                throw point.fieldError("months", "must increase along the curve");
            }
            curve.add(new CohortCalibration.ResponsePoint(months, point.decimal("share", 0, 1)));
        }
        if (curve.isEmpty()) {
            throw resp.fieldError("curve", "needs at least one point");
        }
        double correlation = value(resp, "correlation", 0, 0.99);
        ContentNode comp = root.get("complications");
        comp.unknownKeys("ratesPercent", "gradeShares");
        Map<String, Double> rates = new LinkedHashMap<>();
        ContentNode ratesNode = comp.get("ratesPercent");
        for (String code : ratesNode.keys()) {
            rates.put(code, value(ratesNode, code, 0, 100));
        }
        Map<ClavienDindo, Double> grades = new EnumMap<>(ClavienDindo.class);
        ContentNode gradesNode = comp.get("gradeShares");
        double sum = 0;
        for (String code : gradesNode.keys()) {
            ClavienDindo g = ClavienDindo.fromCode(code).orElseThrow(() -> gradesNode.fieldError(code, "is not a Clavien-Dindo grade: "
                    + String.join(", ", ClavienDindo.codes())));
            if (g == ClavienDindo.V) {
                throw gradesNode.fieldError(code, "grade V (death) is not drawn for synthetic patients");
            }
            double share = share(gradesNode, code);
            grades.put(g, share);
            sum += share;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw comp.fieldError("gradeShares", "must add up to 1, not " + sum);
        }
        ContentNode rev = root.get("revision");
        rev.unknownKeys("byTwoYears", "perYearAfter", "nonResponderRiskRatio");
        var revision = new CohortCalibration.Revision(share(rev, "byTwoYears"), share(rev, "perYearAfter"),
                value(rev, "nonResponderRiskRatio", 1, 50));
        return new CohortCalibration(population, pathway, outcome, prognosis, curve, correlation, rates, grades, revision);
    }

    private static double share(ContentNode parent, String key) {
        return value(parent, key, 0, 1);
    }

    /** A figure {value, source, unverified?}: the source is required so that no number goes without its origin. */
    private static double value(ContentNode parent, String key, double min, double max) {
        ContentNode n = parent.get(key);
        n.unknownKeys("value", "source", "unverified");
        n.text("source");
        n.bool("unverified", false);
        return n.decimal("value", min, max);
    }

    private static CohortCalibration.Effect effect(ContentNode parent, String key) {
        ContentNode n = parent.get(key);
        n.unknownKeys("oddsRatio", "reliefShift", "source", "unverified");
        n.text("source");
        n.bool("unverified", false);
        return new CohortCalibration.Effect(n.decimal("oddsRatio", 0.01, 100), n.decimal("reliefShift", -1, 1));
    }
}
