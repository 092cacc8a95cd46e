package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.CaseBuilder.aClearCandidate;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;

import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.PainIntensityCriterion;
import org.ilium.candidacy.domain.PainPatternCriterion;
import org.ilium.patient.domain.Side;
import org.junit.jupiter.api.Test;

class PainCriteriaTest {
    private final PainIntensityCriterion atLeastFive = new PainIntensityCriterion(info("pain"), 5, null, false, null);
    private final PainIntensityCriterion withFunction = new PainIntensityCriterion(info("pain-function"), 5, 6, true, 21.0);
    private final PainPatternCriterion pattern = new PainPatternCriterion(info("pattern"), true, true, true, true);

    @Test
    void theLatestScoreCountsAgainstTheThreshold() {
        assertThat(evaluate(atLeastFive, aCase().withPainScore("2026-01-01", 5)).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(atLeastFive, aCase().withPainScore("2026-01-01", 4)).status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(atLeastFive, aCase().withPainScore("2025-01-01", 8).withPainScore("2026-01-01", 4)).status())
                .isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(atLeastFive, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void vasIsDividedByTenOnlyWhenThereIsNoNrs() {
        CriterionResult fifty = evaluate(atLeastFive, aCase().withVasScore("2026-01-01", 50));
        assertThat(fifty.status()).isEqualTo(CriterionStatus.MET);
        assertThat(fifty.explanation()).startsWith("Pain VAS 50 mm (5/10) on 2026-01-01");
        assertThat(evaluate(atLeastFive, aCase().withVasScore("2026-01-01", 49)).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void aScoreOutsideTheWindowIsUnknown() {
        // within 6 months of 2026-03-02 starts on 2025-09-02
        CaseBuilder inside = aCase().withPainScore("2025-09-02", 7).withSymptomHistory("2025-09-02", null, null, null, null, true);
        assertThat(evaluate(withFunction, inside).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder outside = aCase().withPainScore("2025-09-01", 7).withSymptomHistory("2025-09-01", null, null, null, null, true);
        CriterionResult r = evaluate(withFunction, outside);
        assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(r.explanation()).isEqualTo("The latest pain score, of 2025-09-01, is older than 6 months.");
    }

    @Test
    void functionIsImpairedByTheRecordOrByTheOdi() {
        assertThat(evaluate(withFunction, aClearCandidate()).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder odiOnly = aCase().withPainScore("2026-02-01", 6).withOdi("2026-02-01", 1, 1, 1, 1, 1, 1, 1, 1, 1, 2); // 22
        assertThat(evaluate(withFunction, odiOnly).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder odiLow = aCase().withPainScore("2026-02-01", 6).withOdi("2026-02-01", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1); // 20
        assertThat(evaluate(withFunction, odiLow).status()).isEqualTo(CriterionStatus.NOT_MET);
        CaseBuilder saysNo = aCase().withPainScore("2026-02-01", 6).withSymptomHistory("2026-02-01", null, null, null, null, false);
        assertThat(evaluate(withFunction, saysNo).status()).isEqualTo(CriterionStatus.NOT_MET);
        CaseBuilder saysNoButOdiHigh = saysNo.withOdi("2026-02-01", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(evaluate(withFunction, saysNoButOdiHigh).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult notRecorded = evaluate(withFunction, aCase().withPainScore("2026-02-01", 6));
        assertThat(notRecorded.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(notRecorded.explanation()).endsWith("but the effect on function is not recorded.");
    }

    @Test
    void painPatternNeedsEachFeature() {
        assertThat(evaluate(pattern, aClearCandidate()).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult notCaudal = evaluate(pattern, aCase().withSymptomHistory("2026-01-01", null, true, false, true, null));
        assertThat(notCaudal.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(notCaudal.explanation()).isEqualTo("The pain pattern does not fit the SI joint: not caudal to L5.");
        CriterionResult partly = evaluate(pattern, aCase().withSymptomHistory("2026-01-01", null, true, null, true, null));
        assertThat(partly.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(partly.explanation()).isEqualTo("Not recorded whether the pain is caudal to L5 (it is unilateral, over the posterior SI joint).");
    }

    @Test
    void painPatternTakesEachFeatureFromItsLatestRecord() {
        CaseBuilder laterFills = aCase().withSymptomHistory("2025-06-01", null, true, true, false, null)
                .withSymptomHistory("2026-01-01", null, null, null, true, null);
        assertThat(evaluate(pattern, laterFills).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void unilateralDoesNotApplyToABilateralEpisode() {
        CaseBuilder bilateral = aCase().onSide(Side.BILATERAL).withSymptomHistory("2026-01-01", null, false, true, true, null);
        assertThat(evaluate(pattern, bilateral).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(pattern, aCase().withSymptomHistory("2026-01-01", null, false, true, true, null)).status())
                .isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void painOnTheOtherSideIsAMismatch() {
        CaseBuilder rightPain = aClearCandidate().withPainOnSide("2026-02-20", 7, Side.RIGHT);
        CriterionResult r = evaluate(pattern, rightPain);
        assertThat(r.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(r.explanation()).contains("places the pain on the right, the episode treats the left");
        assertThat(evaluate(pattern, aClearCandidate().withPainOnSide("2026-02-20", 7, Side.BILATERAL)).status())
                .isEqualTo(CriterionStatus.MET);
        PainPatternCriterion sideIgnored = new PainPatternCriterion(info("p"), true, true, true, false);
        assertThat(evaluate(sideIgnored, rightPain).status()).isEqualTo(CriterionStatus.MET);
    }
}
