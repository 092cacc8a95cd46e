package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;

import java.util.Set;
import org.ilium.candidacy.domain.BmiMaxCriterion;
import org.ilium.candidacy.domain.CriterionDefinitionException;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.DeviceCriterion;
import org.ilium.candidacy.domain.NicotineFreeCriterion;
import org.ilium.candidacy.domain.NoSameDayBilateralCriterion;
import org.ilium.candidacy.domain.RiskFactorAbsentCriterion;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.RiskFactor.Type;
import org.junit.jupiter.api.Test;

class RiskAndPlanCriteriaTest {
    private final RiskFactorAbsentCriterion noFibromyalgia = new RiskFactorAbsentCriterion(info("gpd"), Type.GENERALISED_PAIN_DISORDER,
            Set.of(), null);
    private final RiskFactorAbsentCriterion behaviouralHealth = new RiskFactorAbsentCriterion(info("bh"), Type.BEHAVIOURAL_HEALTH,
            Set.of("unmanaged"), null);
    private final NicotineFreeCriterion nicotine = new NicotineFreeCriterion(info("nicotine"), 10, 90, true);
    private final BmiMaxCriterion bmi = new BmiMaxCriterion(info("bmi"), 35, null);
    private final DeviceCriterion transfixing = new DeviceCriterion(info("device"), Set.of("27279"), true, true);
    private final NoSameDayBilateralCriterion sameDay = new NoSameDayBilateralCriterion(info("same-day"));

    @Test
    void exclusionsNeedARecordAndTheLatestCounts() {
        assertThat(evaluate(noFibromyalgia, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(noFibromyalgia, aCase().withRisk("2026-01-01", Type.GENERALISED_PAIN_DISORDER, false)).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult present = evaluate(noFibromyalgia, aCase().withRisk("2026-01-01", Type.GENERALISED_PAIN_DISORDER, true));
        assertThat(present.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(present.explanation()).isEqualTo("Generalised pain disorder recorded on 2026-01-01.");
        assertThat(evaluate(noFibromyalgia, aCase().withRisk("2025-01-01", Type.GENERALISED_PAIN_DISORDER, true)
                .withRisk("2026-01-01", Type.GENERALISED_PAIN_DISORDER, false)).status()).isEqualTo(CriterionStatus.MET);
        // a record after the evaluation date does not count
        assertThat(evaluate(noFibromyalgia, aCase().withRisk("2026-03-03", Type.GENERALISED_PAIN_DISORDER, true)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void statusExclusions() {
        assertThat(evaluate(behaviouralHealth, aCase().withRisk("2026-01-01", Type.BEHAVIOURAL_HEALTH, "managed")).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(behaviouralHealth, aCase().withRisk("2026-01-01", Type.BEHAVIOURAL_HEALTH, "unmanaged")).status())
                .isEqualTo(CriterionStatus.NOT_MET);
        assertThatThrownBy(() -> new RiskFactorAbsentCriterion(info("x"), Type.BEHAVIOURAL_HEALTH, Set.of("bad"), null))
                .isInstanceOf(CriterionDefinitionException.class).hasMessageContaining("not a status of behavioural_health");
        assertThatThrownBy(() -> new RiskFactorAbsentCriterion(info("x"), Type.BMI, Set.of(), null))
                .isInstanceOf(CriterionDefinitionException.class);
    }

    @Test
    void cotinineTenIsNicotineFreeTenPointOneIsNot() {
        CriterionResult ten = evaluate(nicotine, aCase().withRisk("2026-02-16", Type.COTININE, 10.0));
        assertThat(ten.status()).isEqualTo(CriterionStatus.MET);
        assertThat(ten.explanation()).isEqualTo("Cotinine 10 ng/mL on 2026-02-16 (at most 10).");
        CriterionResult above = evaluate(nicotine, aCase().withRisk("2026-02-16", Type.COTININE, 10.1));
        assertThat(above.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(above.explanation()).isEqualTo("Cotinine 10.1 ng/mL on 2026-02-16, above 10 ng/mL.");
    }

    @Test
    void cotinineMustBeRecent() {
        // within 90 days of 2026-03-02 starts on 2025-12-02
        assertThat(evaluate(nicotine, aCase().withRisk("2025-12-02", Type.COTININE, 2.0)).status()).isEqualTo(CriterionStatus.MET);
        CriterionResult old = evaluate(nicotine, aCase().withRisk("2025-12-01", Type.COTININE, 2.0));
        assertThat(old.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(old.explanation()).isEqualTo("No cotinine test within 90 days; the latest is of 2025-12-01.");
    }

    @Test
    void aCurrentSmokerIsNotNicotineFreeUntilALaterTestSaysSo() {
        CriterionResult smoker = evaluate(nicotine, aCase().withRisk("2026-02-16", Type.SMOKING_STATUS, "current")
                .withRisk("2026-02-16", Type.COTININE, 2.0));
        assertThat(smoker.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(smoker.explanation()).isEqualTo("Current smoker (recorded on 2026-02-16).");
        assertThat(evaluate(nicotine, aCase().withRisk("2026-01-10", Type.SMOKING_STATUS, "current")
                .withRisk("2026-02-16", Type.COTININE, 2.0)).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(nicotine, aCase().withRisk("2026-02-16", Type.SMOKING_STATUS, "current")).status())
                .isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void withoutARequiredTestANeverSmokerIsEnough() {
        NicotineFreeCriterion statusEnough = new NicotineFreeCriterion(info("n"), 10, 90, false);
        assertThat(evaluate(statusEnough, aCase().withRisk("2026-01-01", Type.SMOKING_STATUS, "never")).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(nicotine, aCase().withRisk("2026-01-01", Type.SMOKING_STATUS, "never")).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void bmiLimit() {
        assertThat(evaluate(bmi, aCase().withRisk("2026-01-01", Type.BMI, 35.0)).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(bmi, aCase().withRisk("2026-01-01", Type.BMI, 35.1)).status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(bmi, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
        BmiMaxCriterion recent = new BmiMaxCriterion(info("b"), 35, 6);
        assertThat(evaluate(recent, aCase().withRisk("2025-09-01", Type.BMI, 30.0)).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void device() {
        assertThat(evaluate(transfixing, aCase().withPlannedProcedure("27279", true, true, false)).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult intraArticular = evaluate(transfixing, aCase().withPlannedProcedure("27278", false, true, false));
        assertThat(intraArticular.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(intraArticular.explanation()).isEqualTo("Planned CPT 27278 (implant): CPT 27278 is not among 27279; "
                + "the device is not transfixing.");
        assertThat(evaluate(transfixing, aCase().withPlannedProcedure("27279", null, true, false)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(transfixing, aCase().withPlannedProcedure("27279", true, false, false)).status())
                .isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(transfixing, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void noSameDayBilateral() {
        assertThat(evaluate(sameDay, aCase()).status()).isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(sameDay, aCase().onSide(Side.BILATERAL)).status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(sameDay, aCase().onSide(Side.BILATERAL).withPlannedProcedure("27279", true, true, false)).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(sameDay, aCase().onSide(Side.BILATERAL).withPlannedProcedure("27279", true, true, true)).status())
                .isEqualTo(CriterionStatus.NOT_MET);
    }
}
