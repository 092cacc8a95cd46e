package org.ilium.surgery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ilium.surgery.domain.CodingRule;
import org.ilium.workup.domain.SurgicalApproach;
import org.junit.jupiter.api.Test;

/** The CPT coding rules of content/coding/cpt-rules.yaml against approach, device and date, at the date boundaries. */
class CodingRulesTest {
    private static final List<CodingRule> RULES = SurgeryContent.load(null).codingRules();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static List<String> check(String cpt, LocalDate date, SurgicalApproach approach, boolean transfixing) {
        return CodingRule.check(RULES, cpt, date, approach, transfixing);
    }

    @Test
    void code27279NeedsATransfixingDeviceAndAnMisApproach() {
        assertThat(check("27279", DAY, SurgicalApproach.MIS_LATERAL_TRANSILIAC, true)).isEmpty();
        assertThat(check("27279", DAY, SurgicalApproach.MIS_POSTEROLATERAL_TRANSILIAC, true)).isEmpty();
        assertThat(check("27279", DAY, SurgicalApproach.MIS_LATERAL_TRANSILIAC, false)).singleElement().asString()
                .contains("needs a transfixing device");
        assertThat(check("27279", DAY, SurgicalApproach.OPEN, true)).singleElement().asString().contains("not open");
    }

    @Test
    void code27278IsIntraArticularWithoutTransfixationFrom2024() {
        assertThat(check("27278", LocalDate.of(2024, 1, 1), SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR, false)).isEmpty();
        assertThat(check("27278", LocalDate.of(2023, 12, 31), SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR, false))
                .singleElement().asString().contains("valid from 2024-01-01, not on 2023-12-31");
        assertThat(check("27278", DAY, SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR, true)).singleElement().asString()
                .contains("without transfixation");
        assertThat(check("27278", DAY, SurgicalApproach.MIS_LATERAL_TRANSILIAC, false)).hasSize(1);
    }

    @Test
    void code0775TEndsOn2023_12_31() {
        assertThat(check("0775T", LocalDate.of(2023, 12, 31), SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR, false)).isEmpty();
        assertThat(check("0775T", LocalDate.of(2024, 1, 1), SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR, false))
                .singleElement().asString().contains("to 2023-12-31, not on 2024-01-01");
    }

    @Test
    void code27280IsOpen() {
        assertThat(check("27280", DAY, SurgicalApproach.OPEN, false)).isEmpty();
        assertThat(check("27280", DAY, SurgicalApproach.MIS_LATERAL_TRANSILIAC, true)).hasSize(1);
    }

    @Test
    void everyContradictionIsListedAndUnknownCodesAreNamed() {
        assertThat(check("27278", LocalDate.of(2023, 6, 1), SurgicalApproach.OPEN, true)).hasSize(3);
        assertThat(check("99213", DAY, SurgicalApproach.OPEN, false)).singleElement().asString().contains("known: 27279");
    }
}
