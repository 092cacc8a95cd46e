package org.ilium.surgery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.shared.content.ContentException;
import org.ilium.surgery.domain.FeeTable;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.domain.SurgicalApproach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every surgery content file loads, and every rule, fee, complication and checklist carries its source. */
class SurgeryContentTest {
    private final SurgeryContent content = SurgeryContent.load(null);

    @Test
    void codingRulesCoverEveryCodeWithACitation() {
        assertThat(content.codingRules()).extracting(r -> r.cpt()).containsExactlyInAnyOrder("27279", "27278", "27280", "0775T");
        assertThat(content.codingRules()).allSatisfy(r -> assertThat(r.citation()).isNotBlank());
    }

    @Test
    void theDefaultFeeTableHoldsTheSeedFiguresInCents() {
        FeeTable medicare = content.feeTableForPayer("medicare").orElseThrow();
        assertThat(medicare.source()).contains("Seed article 003").contains("UNVERIFIED");
        assertThat(medicare.currency()).isEqualTo("USD");
        assertThat(medicare.coinsuranceBasisPoints()).isEqualTo(2000);
        assertThat(medicare.entry("27279", SiteOfService.AMBULATORY_SURGERY_CENTER).orElseThrow().typicalPatientCostCents())
                .isEqualTo(276_900L);
        assertThat(medicare.entry("27279", SiteOfService.HOSPITAL_OUTPATIENT).orElseThrow().typicalPatientCostCents())
                .isEqualTo(166_100L);
        assertThat(medicare.deductibleUnverified()).isTrue();
        assertThat(medicare.deductibles()).containsKey(2026);
        assertThat(medicare.precertification()).isEqualTo("may_be_required");
    }

    @Test
    void theComplicationCatalogueHasReferenceRatesAndCitations() {
        assertThat(content.catalogue()).hasSize(11);
        assertThat(content.catalogue()).allSatisfy(c -> assertThat(c.citation().source()).isNotBlank());
        assertThat(content.complication("facet_joint_pain").orElseThrow().ratePercent()).isEqualTo(20.0);
        assertThat(content.complication("wound_infection").orElseThrow().ratePercent()).isEqualTo(0.15);
        assertThat(content.complication("implant_malposition").orElseThrow().ratePercent()).isEqualTo(0.43);
        assertThat(content.complication("bleeding_requiring_surgery").orElseThrow().ratePercent()).isEqualTo(0.04);
        assertThat(content.complication("fracture").orElseThrow().ratePercent()).isNull();
    }

    @Test
    void everyApproachHasAChecklistWithASource() {
        for (SurgicalApproach a : SurgicalApproach.values()) {
            SurgeryContent.Checklist list = content.checklist(a).orElseThrow();
            assertThat(list.steps()).isNotEmpty();
            assertThat(list.citation().source()).isNotBlank();
        }
        assertThat(content.checklist(SurgicalApproach.MIS_LATERAL_TRANSILIAC).orElseThrow().steps())
                .extracting(SurgeryContent.Step::code).contains("positioning", "guide_pin", "broaching", "closure");
        assertThat(content.checklist(SurgicalApproach.OPEN).orElseThrow().steps())
                .extracting(SurgeryContent.Step::code).contains("bone_block_removal", "cartilage_removal", "plates_screws");
    }

    @Test
    void aBrokenSiteFeeTableNamesFileAndField(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("fees"));
        Files.writeString(dir.resolve("fees/local.yaml"), """
                id: local
                name: Local
                payer: medicare
                currency: usd
                source: x
                precertification: required
                coinsurance: {percent: 20, source: x}
                deductible: {source: x, byYear: []}
                fees: []
                """);
        assertThatThrownBy(() -> SurgeryContent.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("local.yaml").hasMessageContaining("currency");
    }
}
