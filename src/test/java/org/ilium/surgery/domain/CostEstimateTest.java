package org.ilium.surgery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples of the patient's share under a Part B style deductible and 20 % coinsurance. */
class CostEstimateTest {
    private static final FeeTable TABLE = new FeeTable("test", "Test", "medicare", "USD", LocalDate.of(2025, 1, 1), "worked example",
            false, "may_be_required", 2000, Map.of(2025, 25_700L), "example", false,
            List.of(new FeeTable.Entry("27279", SiteOfService.AMBULATORY_SURGERY_CENTER, 100_000L, null, null),
                    new FeeTable.Entry("27279", SiteOfService.HOSPITAL_OUTPATIENT, 10_000L, null, null),
                    new FeeTable.Entry("27280", SiteOfService.INPATIENT, null, 50_000L, null)));

    @Test
    void deductibleNotMet() {
        // allowed $1,000.00: $257.00 deductible, then 20 % of $743.00 = $148.60; share $405.60
        CostEstimate e = CostEstimate.calculate(TABLE, "27279", SiteOfService.AMBULATORY_SURGERY_CENTER, 2025, 0);
        assertThat(e.deductibleAppliedCents()).isEqualTo(25_700L);
        assertThat(e.coinsuranceCents()).isEqualTo(14_860L);
        assertThat(e.patientShareCents()).isEqualTo(40_560L);
        assertThat(e.payerPaysCents()).isEqualTo(59_440L);
    }

    @Test
    void deductiblePartlyMet() {
        // $100.00 met: $157.00 remaining, then 20 % of $843.00 = $168.60; share $325.60
        CostEstimate e = CostEstimate.calculate(TABLE, "27279", SiteOfService.AMBULATORY_SURGERY_CENTER, 2025, 10_000);
        assertThat(e.deductibleAppliedCents()).isEqualTo(15_700L);
        assertThat(e.patientShareCents()).isEqualTo(32_560L);
    }

    @Test
    void deductibleMetInFull() {
        CostEstimate e = CostEstimate.calculate(TABLE, "27279", SiteOfService.AMBULATORY_SURGERY_CENTER, 2025, 30_000);
        assertThat(e.deductibleAppliedCents()).isZero();
        assertThat(e.patientShareCents()).isEqualTo(20_000L);
    }

    @Test
    void allowedAmountBelowTheDeductibleIsAllPaidByThePatient() {
        CostEstimate e = CostEstimate.calculate(TABLE, "27279", SiteOfService.HOSPITAL_OUTPATIENT, 2025, 0);
        assertThat(e.patientShareCents()).isEqualTo(10_000L);
        assertThat(e.payerPaysCents()).isZero();
    }

    @Test
    void coinsuranceRoundsHalfUpToTheCent() {
        assertThat(CostEstimate.share(12_345, 2000)).isEqualTo(2_469L);
        assertThat(CostEstimate.share(12_343, 2000)).isEqualTo(2_469L);
        assertThat(CostEstimate.share(12_342, 2000)).isEqualTo(2_468L);
    }

    @Test
    void withoutAnAllowedAmountOrADeductibleTheShareIsUnknownAndSaysWhy() {
        CostEstimate noAllowed = CostEstimate.calculate(TABLE, "27280", SiteOfService.INPATIENT, 2025, 0);
        assertThat(noAllowed.patientShareCents()).isNull();
        assertThat(noAllowed.typicalPatientCostCents()).isEqualTo(50_000L);
        assertThat(noAllowed.notes()).anyMatch(n -> n.contains("no allowed amount"));
        CostEstimate noYear = CostEstimate.calculate(TABLE, "27279", SiteOfService.AMBULATORY_SURGERY_CENTER, 2030, 0);
        assertThat(noYear.patientShareCents()).isNull();
        assertThat(noYear.notes()).anyMatch(n -> n.contains("no deductible for 2030"));
    }

    @Test
    void moneyPrintsCents() {
        assertThat(new Money(276_900, "USD").decimal()).isEqualTo("2769.00");
        assertThat(new Money(5, "USD").decimal()).isEqualTo("0.05");
    }
}
