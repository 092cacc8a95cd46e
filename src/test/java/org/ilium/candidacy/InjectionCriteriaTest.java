package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.CaseBuilder.block;
import static org.ilium.candidacy.CaseBuilder.therapeutic;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;

import java.util.Set;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.DiagnosticBlocksCriterion;
import org.ilium.candidacy.domain.InjectionFrequencyCriterion;
import org.ilium.candidacy.domain.TherapeuticInjectionCriterion;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.SijInjection.Guidance;
import org.junit.jupiter.api.Test;

class InjectionCriteriaTest {
    private final DiagnosticBlocksCriterion twoBlocks = new DiagnosticBlocksCriterion(info("blocks"), 2, 75,
            Set.of(Guidance.FLUOROSCOPY, Guidance.CT), true, null);
    private final TherapeuticInjectionCriterion oneTherapeutic = new TherapeuticInjectionCriterion(info("therapeutic"), 1, null);
    private final InjectionFrequencyCriterion l39455 = new InjectionFrequencyCriterion(info("frequency"), 2, 4, 12);

    @Test
    void seventyFivePercentIsEnoughSeventyFourPointNineIsNot() {
        CriterionResult met = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 80), block("2025-12-03", 75)));
        assertThat(met.status()).isEqualTo(CriterionStatus.MET);
        assertThat(met.explanation()).isEqualTo("2 qualifying blocks on separate dates (2025-11-05: 80 %, 2025-12-03: 75 %). "
                + "At least 2 required, each with at least 75 % relief.");
        CriterionResult failed = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 80), block("2025-12-03", 74.9)));
        assertThat(failed.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(failed.explanation()).contains("relief below 75 % on 2025-12-03: 74.9 %");
        assertThat(failed.evidence()).extracting("recordId").containsExactly("injections[0]", "injections[1]");
    }

    @Test
    void reliefComputedFromPainBeforeAndAfter() {
        CaseBuilder scored = aCase().withBlockScored("2025-11-05", 8, 2).withBlockScored("2025-12-03", 4, 1);
        assertThat(evaluate(twoBlocks, scored).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder justShort = aCase().withBlockScored("2025-11-05", 8, 2).withBlockScored("2025-12-03", 7, 2); // 71.4 %
        assertThat(evaluate(twoBlocks, justShort).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void twoBlocksOnTheSameDateAreOneOccasion() {
        CriterionResult sameDay = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 80), block("2025-11-05", 90)));
        assertThat(sameDay.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(sameDay.explanation()).startsWith("1 qualifying block on separate dates");
        assertThat(sameDay.evidence().get(1).value()).endsWith("same date as another block, counted once");
    }

    @Test
    void oneGoodBlockLeavesItOpen() {
        CriterionResult single = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 90)));
        assertThat(single.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(single.missing()).startsWith("Record 2 image-guided diagnostic SI joint blocks on separate dates");
        assertThat(evaluate(twoBlocks, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void blocksOfAnotherTechniqueDoNotCount() {
        CriterionResult ultrasound = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 90),
                block("2025-12-03", 90).guidedBy(Guidance.ULTRASOUND)));
        assertThat(ultrasound.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(ultrasound.evidence().get(1).value()).isEqualTo("90 % relief; not counted: ultrasound guidance");
        CriterionResult noContrast = evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 90),
                block("2025-12-03", 30).withoutContrast()));
        assertThat(noContrast.status()).isEqualTo(CriterionStatus.UNKNOWN);
        DiagnosticBlocksCriterion anyTechnique = new DiagnosticBlocksCriterion(info("b"), 2, 75, Set.of(), false, null);
        assertThat(evaluate(anyTechnique, aCase().withBlocks(block("2025-11-05", 90), block("2025-12-03", 90)
                .guidedBy(Guidance.ULTRASOUND).withoutContrast())).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 90), block("2025-12-03", 0).withUnknownRelief()))
                .status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void blocksCountPerSide() {
        assertThat(evaluate(twoBlocks, aCase().withBlocks(block("2025-11-05", 90).on(Side.RIGHT), block("2025-12-03", 90)
                .on(Side.RIGHT))).status()).isEqualTo(CriterionStatus.UNKNOWN);
        CaseBuilder bilateral = aCase().onSide(Side.BILATERAL).withBlocks(block("2025-11-05", 90).on(Side.BILATERAL),
                block("2025-12-03", 80).on(Side.LEFT));
        CriterionResult r = evaluate(twoBlocks, bilateral);
        assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(r.explanation()).startsWith("Left: 2 qualifying blocks on separate dates (2025-11-05: 90 %, 2025-12-03: 80 %). "
                + "Right: 1 qualifying block");
    }

    @Test
    void blocksWithinAWindow() {
        DiagnosticBlocksCriterion recent = new DiagnosticBlocksCriterion(info("b"), 2, 75, Set.of(), false, 6);
        assertThat(evaluate(recent, aCase().withBlocks(block("2025-09-02", 90), block("2025-12-03", 90))).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(recent, aCase().withBlocks(block("2025-09-01", 90), block("2025-12-03", 90))).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void aTherapeuticInjectionTried() {
        assertThat(evaluate(oneTherapeutic, aCase().withInjections(therapeutic("2025-08-20"))).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult none = evaluate(oneTherapeutic, aCase().withBlocks(block("2025-11-05", 90)));
        assertThat(none.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(none.explanation()).isEqualTo("0 therapeutic injections tried. At least 1 required.");
        TherapeuticInjectionCriterion two = new TherapeuticInjectionCriterion(info("t2"), 2, null);
        assertThat(evaluate(two, aCase().withInjections(therapeutic("2025-08-20"), therapeutic("2025-08-20"))).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void rollingTwelveMonthsBoundary() {
        // the window of a session on 2026-03-03 starts on 2025-03-04
        CaseBuilder justOutside = aCase().evaluatedOn("2026-03-10").withBlocks(block("2025-03-03", 80), block("2025-09-01", 80),
                block("2026-03-03", 80));
        assertThat(evaluate(l39455, justOutside).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder inside = aCase().evaluatedOn("2026-03-10").withBlocks(block("2025-03-04", 80), block("2025-09-01", 80),
                block("2026-03-03", 80));
        CriterionResult r = evaluate(l39455, inside);
        assertThat(r.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(r.explanation()).isEqualTo("3 diagnostic sessions from 2025-03-04 to 2026-03-03, more than 2 in 12 months.");
        assertThat(r.evidence()).hasSize(3);
    }

    @Test
    void aSessionIsADate() {
        CaseBuilder bothSidesSameDay = aCase().evaluatedOn("2026-03-10").withBlocks(block("2025-09-01", 80).on(Side.LEFT),
                block("2025-09-01", 80).on(Side.RIGHT), block("2025-10-01", 80));
        assertThat(evaluate(l39455, bothSidesSameDay).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder fiveTherapeutic = aCase().withInjections(therapeutic("2025-04-01"), therapeutic("2025-06-01"),
                therapeutic("2025-08-01"), therapeutic("2025-10-01"), therapeutic("2025-12-01"));
        assertThat(evaluate(l39455, fiveTherapeutic).status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(l39455, aCase()).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void injectionsAfterTheEvaluationDateAreIgnored() {
        CaseBuilder later = aCase().evaluatedOn("2025-12-01").withBlocks(block("2025-11-05", 90), block("2025-12-03", 90));
        assertThat(evaluate(twoBlocks, later).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }
}
