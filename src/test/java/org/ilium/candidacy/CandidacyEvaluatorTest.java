package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.CaseBuilder.aClearCandidate;
import static org.ilium.candidacy.CaseBuilder.block;
import static org.ilium.workup.domain.ProvocationTestType.COMPRESSION;
import static org.ilium.workup.domain.ProvocationTestType.DISTRACTION;
import static org.ilium.workup.domain.ProvocationTestType.FABER;
import static org.ilium.workup.domain.ProvocationTestType.THIGH_THRUST;

import java.time.LocalDate;
import java.util.List;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PrognosticNote;
import org.ilium.candidacy.domain.ProvocationCluster;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.WorkupCase;
import org.junit.jupiter.api.Test;

class CandidacyEvaluatorTest {
    private static final CandidacyContent CONTENT = CandidacyContent.load(null);
    private static final CandidacyEvaluator EVALUATOR = CONTENT.evaluator();
    private static final Policy NASS = CONTENT.policies().find("nass-2015").orElseThrow();
    private static final LocalDate DATE = CaseBuilder.EVALUATION;

    private static Determination nass(CaseBuilder scenario) {
        return EVALUATOR.evaluate(scenario.build(), NASS, scenario.evaluationDate());
    }

    @Test
    void everyCriterionMetIsEligible() {
        Determination d = nass(aClearCandidate());
        assertThat(d.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(d.policyId()).isEqualTo("nass-2015");
        assertThat(d.policyVersion()).isEqualTo("2015");
        assertThat(d.caseReference()).isEqualTo("clear-candidate");
        assertThat(d.evaluationDate()).isEqualTo(DATE);
        assertThat(d.criteria()).hasSize(NASS.criteria().size()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CriterionStatus.MET);
            assertThat(r.citation().source()).isEqualTo("NASS coverage policy 2015");
            assertThat(r.missing()).isNull();
        });
        assertThat(d.missing()).isEmpty();
    }

    @Test
    void anyNotMetIsNotEligibleEvenWithUnknowns() {
        Determination d = nass(aClearCandidate().withoutImaging().withRisk("2026-02-20", RiskFactor.Type.GENERALISED_PAIN_DISORDER, true));
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(d.criteria()).filteredOn(r -> r.status() == CriterionStatus.NOT_MET).extracting("id")
                .containsExactly("no-generalised-pain-disorder");
        assertThat(d.missing()).hasSize(3);
    }

    @Test
    void unknownsMakeItIncompleteWithWhatToRecord() {
        Determination d = nass(aClearCandidate().withoutImaging().withBlocks(block("2025-11-05", 90)));
        assertThat(d.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(d.missing()).containsExactly(
                "Record 2 fluoroscopic or CT-guided diagnostic blocks with contrast on separate dates, each with pain before and after "
                        + "(at least 75 % relief).",
                "Record a CT or MRI of the SI joint stating whether tumour, infection and inflammatory sacroiliitis are present.",
                "Record an AP pelvis X-ray stating whether there is hip pathology.",
                "Record a lumbar CT or MRI stating whether there is neural compression.");
    }

    @Test
    void recordsAfterTheEvaluationDateDoNotCount() {
        Determination before = EVALUATOR.evaluate(aClearCandidate().build(), NASS, LocalDate.of(2025, 11, 30));
        assertThat(before.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(before.criteria()).filteredOn(r -> r.status() != CriterionStatus.MET).extracting("id")
                .containsExactly("diagnostic-blocks", "no-generalised-pain-disorder");
    }

    @Test
    void evaluateAllUsesOneViewForEveryPolicy() {
        WorkupCase c = aClearCandidate().build();
        List<Policy> active = CONTENT.policies().activeOn(DATE);
        List<Determination> all = EVALUATOR.evaluateAll(c, active, DATE);
        assertThat(all).extracting(Determination::policyId).containsExactly("bcbs-mp-555", "clinic-default", "evicore-cmm-611",
                "medicare-lcd-sij-fusion", "nass-2015");
        assertThat(all).extracting(Determination::outcome).containsOnly(Outcome.ELIGIBLE);
        assertThat(all.get(0).provocationCluster()).isSameAs(all.get(4).provocationCluster());
        for (int i = 0; i < active.size(); i++) {
            assertThat(all.get(i)).isEqualTo(EVALUATOR.evaluate(c, active.get(i), DATE));
        }
    }

    @Test
    void theClusterIsReportedWithItsAccuracy() {
        ProvocationCluster positive = nass(aClearCandidate()).provocationCluster();
        assertThat(positive.performed()).isEqualTo(6);
        assertThat(positive.positiveCount()).isEqualTo(4);
        assertThat(positive.positive()).isTrue();
        assertThat(positive.sensitivity()).isEqualTo(0.94);
        assertThat(positive.specificity()).isEqualTo(0.78);
        assertThat(positive.positiveLikelihoodRatio()).isEqualTo(4.27);
        assertThat(positive.negativeLikelihoodRatio()).isEqualTo(0.08);
        assertThat(positive.citation().source()).isEqualTo("Laslett 2005");
        assertThat(positive.tests()).hasSize(6);
        assertThat(positive.interpretation()).isEqualTo("4 of 6 tests positive: the cluster is positive (3 or more of 6; "
                + "sensitivity 94 %, specificity 78 %, LR+ 4.27).");

        ProvocationCluster three = nass(aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION, FABER)).provocationCluster();
        assertThat(three.positive()).isTrue();
        ProvocationCluster two = nass(aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION)).provocationCluster();
        assertThat(two.positive()).isFalse();
        assertThat(two.interpretation()).startsWith("2 of 6 tests positive: the cluster is negative");
        ProvocationCluster none = nass(aCase().withExam("2025-06-10")).provocationCluster();
        assertThat(none.positive()).isFalse();
        assertThat(none.interpretation()).isEqualTo("All 6 tests negative: this rules the SI joint out as the source of pain (LR- 0.08).");
        ProvocationCluster open = nass(aCase().withTest("2025-06-10", DISTRACTION, Side.LEFT, true)
                .withTest("2025-06-10", THIGH_THRUST, Side.LEFT, true)).provocationCluster();
        assertThat(open.positive()).isNull();
        assertThat(open.interpretation()).startsWith("2 of 2 tests performed are positive: perform the remaining tests");
    }

    @Test
    void aBilateralClusterShowsTheWeakerSide() {
        ProvocationCluster c = nass(aCase().onSide(Side.BILATERAL).withExamOn("2025-06-10", Side.LEFT, DISTRACTION, COMPRESSION, FABER)
                .withExamOn("2025-06-10", Side.RIGHT, DISTRACTION)).provocationCluster();
        assertThat(c.positiveCount()).isEqualTo(1);
        assertThat(c.interpretation()).startsWith("Left 3 of 6 positive, right 1 of 6 positive; the right is shown. 1 of 6 tests");
    }

    @Test
    void prognosticNotes() {
        assertThat(nass(aClearCandidate()).prognosis()).extracting(PrognosticNote::factor).containsExactly("shorter_duration");
        List<PrognosticNote> lower = nass(aClearCandidate().bornOn("1990-01-01")
                .withRisk("2026-02-20", RiskFactor.Type.SMOKING_STATUS, "current")
                .withRisk("2026-02-20", RiskFactor.Type.CHRONIC_OPIOID_USE, true)
                .withRisk("2026-02-20", RiskFactor.Type.PRIOR_LUMBAR_FUSION, true)).prognosis();
        assertThat(lower).extracting(PrognosticNote::factor).containsExactly("current_smoking", "chronic_opioid_use",
                "prior_lumbar_fusion", "younger_age", "shorter_duration");
        assertThat(lower).extracting(PrognosticNote::direction).containsOnly(PrognosticNote.Direction.LOWER_BENEFIT);
        assertThat(lower.get(3).note()).isEqualTo("Age 36: in pooled trial data, younger patients improved less after fusion.");
        assertThat(lower.get(0).citation().source()).isEqualTo("Dengler 2017");

        List<PrognosticNote> higher = nass(aClearCandidate().withSymptomsSince("2021-01-01")).prognosis();
        assertThat(higher).singleElement().satisfies(n -> {
            assertThat(n.factor()).isEqualTo("older_long_duration_no_prior_fusion");
            assertThat(n.direction()).isEqualTo(PrognosticNote.Direction.HIGHER_BENEFIT);
            assertThat(n.note()).startsWith("Age 63 with symptoms for 62 months and no prior lumbar fusion");
        });
        // no record of prior fusion: not known to be absent, so no higher-benefit note
        assertThat(nass(aClearCandidate().withSymptomsSince("2021-01-01").withoutRisk(RiskFactor.Type.PRIOR_LUMBAR_FUSION)).prognosis())
                .isEmpty();
    }
}
