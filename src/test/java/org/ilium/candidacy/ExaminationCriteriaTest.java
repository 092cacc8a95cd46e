package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;
import static org.ilium.workup.domain.ProvocationTestType.COMPRESSION;
import static org.ilium.workup.domain.ProvocationTestType.DISTRACTION;
import static org.ilium.workup.domain.ProvocationTestType.FABER;
import static org.ilium.workup.domain.ProvocationTestType.GAENSLEN;
import static org.ilium.workup.domain.ProvocationTestType.THIGH_THRUST;

import java.util.Set;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.FortinPointCriterion;
import org.ilium.candidacy.domain.ProvocationTestsCriterion;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.RiskFactor;
import org.junit.jupiter.api.Test;

class ExaminationCriteriaTest {
    private final ProvocationTestsCriterion threeOfSix = new ProvocationTestsCriterion(info("tests"), 3, Set.of(), null,
            Set.of(THIGH_THRUST));
    private final FortinPointCriterion fortin = new FortinPointCriterion(info("fortin"), null);

    @Test
    void threeOfSixPositiveIsMetTwoIsNot() {
        CriterionResult three = evaluate(threeOfSix, aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION, FABER));
        assertThat(three.status()).isEqualTo(CriterionStatus.MET);
        assertThat(three.explanation()).isEqualTo("3 of 6 tests performed positive (distraction, compression, faber). At least 3 of 6 required.");
        assertThat(three.evidence()).hasSize(6).first().satisfies(e -> assertThat(e.recordId()).isEqualTo("provocationTests[0]"));
        CriterionResult two = evaluate(threeOfSix, aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION));
        assertThat(two.status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void testsNotYetDoneLeaveItOpen() {
        CaseBuilder twoOfThree = aCase().withTest("2025-06-10", DISTRACTION, Side.LEFT, true)
                .withTest("2025-06-10", COMPRESSION, Side.LEFT, true).withTest("2025-06-10", FABER, Side.LEFT, false);
        CriterionResult r = evaluate(threeOfSix, twoOfThree);
        assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(r.explanation()).startsWith("2 of 3 tests performed positive (distraction, compression), 3 not done.");
        assertThat(evaluate(threeOfSix, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void theLatestResultOfEachTestCountsOnce() {
        CaseBuilder repeated = aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION)
                .withTest("2025-09-01", DISTRACTION, Side.LEFT, true).withTest("2025-09-01", GAENSLEN, Side.LEFT, true);
        assertThat(evaluate(threeOfSix, repeated).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder turnedNegative = aCase().withExam("2025-06-10", DISTRACTION, COMPRESSION, FABER)
                .withTest("2025-09-01", FABER, Side.LEFT, false);
        assertThat(evaluate(threeOfSix, turnedNegative).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void testsOnTheOtherSideDoNotCountBilateralOnesDo() {
        assertThat(evaluate(threeOfSix, aCase().withExamOn("2025-06-10", Side.RIGHT, DISTRACTION, COMPRESSION, FABER)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(threeOfSix, aCase().withExamOn("2025-06-10", Side.BILATERAL, DISTRACTION, COMPRESSION, FABER)).status())
                .isEqualTo(CriterionStatus.MET);
    }

    @Test
    void aBilateralEpisodeNeedsEachSide() {
        CaseBuilder leftOnly = aCase().onSide(Side.BILATERAL).withExamOn("2025-06-10", Side.LEFT, DISTRACTION, COMPRESSION, FABER)
                .withExamOn("2025-06-10", Side.RIGHT, DISTRACTION);
        CriterionResult r = evaluate(threeOfSix, leftOnly);
        assertThat(r.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(r.explanation()).startsWith("Left: 3 of 6 tests performed positive (distraction, compression, faber). Right: 1 of 6");
        CaseBuilder both = aCase().onSide(Side.BILATERAL).withExamOn("2025-06-10", Side.LEFT, DISTRACTION, COMPRESSION, FABER)
                .withExamOn("2025-06-10", Side.RIGHT, DISTRACTION, THIGH_THRUST, GAENSLEN);
        assertThat(evaluate(threeOfSix, both).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void thighThrustIsDisregardedInPregnancy() {
        CaseBuilder withThrust = aCase().withExam("2025-06-10", DISTRACTION, THIGH_THRUST, COMPRESSION);
        assertThat(evaluate(threeOfSix, withThrust).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult pregnant = evaluate(threeOfSix, withThrust.withRisk("2025-06-10", RiskFactor.Type.PREGNANCY, true));
        assertThat(pregnant.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(pregnant.explanation()).isEqualTo("2 of 5 tests performed positive (distraction, compression). "
                + "At least 3 of 5 required; thigh thrust disregarded in pregnancy.");
        ProvocationTestsCriterion noPregnancyRule = new ProvocationTestsCriterion(info("t"), 3, Set.of(), null, Set.of());
        assertThat(evaluate(noPregnancyRule, withThrust).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void aWindowLeavesOlderTestsOut() {
        ProvocationTestsCriterion recent = new ProvocationTestsCriterion(info("t"), 3, Set.of(), 12, Set.of());
        assertThat(evaluate(recent, aCase().withExam("2025-03-02", DISTRACTION, COMPRESSION, FABER)).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(recent, aCase().withExam("2025-03-01", DISTRACTION, COMPRESSION, FABER)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void fortinFindingOnTheSide() {
        assertThat(evaluate(fortin, aCase().withFortin("2025-06-10", true)).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(fortin, aCase().withFortin("2025-06-10", false)).status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(fortin, aCase().withFortin("2025-06-10", false).withFortin("2025-08-10", true)).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(fortin, aCase().withFortinOn("2025-06-10", Side.RIGHT, true)).status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(fortin, aCase().onSide(Side.BILATERAL).withFortinOn("2025-06-10", Side.BILATERAL, true)).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(fortin, aCase().onSide(Side.BILATERAL).withFortinOn("2025-06-10", Side.LEFT, true)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
        FortinPointCriterion recent = new FortinPointCriterion(info("f"), 6);
        assertThat(evaluate(recent, aCase().withFortin("2025-09-02", true)).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(recent, aCase().withFortin("2025-09-01", true)).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }
}
