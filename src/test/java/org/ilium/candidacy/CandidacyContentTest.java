package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.CriterionKind;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PrognosticRule;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.junit.jupiter.api.Test;

/** Every built-in content file loads, and every rule in it names its source. */
class CandidacyContentTest {
    private static final CandidacyContent CONTENT = CandidacyContent.load(null);

    @Test
    void loadsEveryBuiltInFile() {
        assertThat(CONTENT.policies().ids()).containsExactly("bcbs-mp-555", "clinic-default", "evicore-cmm-611",
                "medicare-lcd-sij-fusion", "nass-2015");
        assertThat(CONTENT.files()).contains("content/policies/nass-2015.yaml", "content/diagnostics/provocation-cluster.yaml",
                "content/prognosis.yaml");
        ContentLibrary library = ContentLibrary.of(null);
        for (String folder : new String[] {CandidacyContent.POLICIES, CandidacyContent.DIAGNOSTICS}) {
            for (ContentFile file : library.builtIn(folder)) {
                assertThat(CONTENT.files()).contains(file.name());
            }
        }
        assertThat(CONTENT.policies().activeOn(LocalDate.of(2026, 3, 2))).hasSize(5);
    }

    @Test
    void everyPolicyAndCriterionCitesItsSource() {
        for (Policy p : CONTENT.policies().all()) {
            assertThat(p.citations()).as(p.id()).isNotEmpty().allSatisfy(CandidacyContentTest::isCitation);
            assertThat(p.description()).as(p.id()).isNotBlank();
            assertThat(CONTENT.fileOf(p)).contains("content/policies/" + p.id() + ".yaml");
            for (Criterion c : p.criteria()) {
                assertThat(c.citation()).as(p.id() + "/" + c.id()).satisfies(CandidacyContentTest::isCitation);
                assertThat(c.missing()).as(p.id() + "/" + c.id()).isNotBlank().doesNotContain("{");
                assertThat(c.thresholds().keySet()).as(p.id() + "/" + c.id()).containsAll(c.unverified());
            }
        }
        assertThat(CONTENT.diagnostics().clusterRule().citation().source()).isEqualTo("Laslett 2005");
        for (PrognosticRule r : CONTENT.prognosis().rules()) {
            isCitation(r.citation());
        }
    }

    private static void isCitation(Citation c) {
        assertThat(c).isNotNull();
        assertThat(c.source()).isNotBlank();
        assertThat(c.detail()).isNotBlank();
    }

    @Test
    void everyCriterionKindIsUsedByABuiltInPolicy() {
        Set<CriterionKind> used = EnumSet.noneOf(CriterionKind.class);
        for (Policy p : CONTENT.policies().all()) {
            for (Criterion c : p.criteria()) {
                used.add(c.criterionKind());
            }
        }
        assertThat(used).containsExactlyInAnyOrder(CriterionKind.values());
    }

    @Test
    void theReferenceThresholdsAreThere() {
        Policy nass = CONTENT.policies().find("nass-2015").orElseThrow();
        assertThat(nass.criterion("diagnostic-blocks").orElseThrow().thresholds()).containsEntry("minCount", "2")
                .containsEntry("minReliefPercent", "75").containsEntry("contrastRequired", "true");
        assertThat(nass.criterion("provocation-tests").orElseThrow().thresholds()).containsEntry("minPositive", "3")
                .containsEntry("disregardInPregnancy", "thigh_thrust");
        Policy evicore = CONTENT.policies().find("evicore-cmm-611").orElseThrow();
        assertThat(evicore.criterion("recent-imaging").orElseThrow().thresholds()).containsEntry("withinMonths", "6");
        assertThat(evicore.criterion("nicotine-free").orElseThrow().thresholds()).containsEntry("maxCotinine", "10");
        assertThat(evicore.criterion("failed-conservative-care").orElseThrow().thresholds())
                .containsEntry("requiredTypes", "supervised_physical_therapy");
        Policy medicare = CONTENT.policies().find("medicare-lcd-sij-fusion").orElseThrow();
        assertThat(medicare.criterion("injection-frequency").orElseThrow().thresholdText())
                .isEqualTo("maxDiagnostic = 2; maxTherapeutic = 4; months = 12");
        assertThat(medicare.criterion("pain-and-function").orElseThrow().unverified()).containsExactly("minNrs", "minOdi");
        assertThat(medicare.criterion("diagnostic-blocks").orElseThrow().thresholdText()).contains("minCount = 2 (UNVERIFIED)");
        assertThat(medicare.criterion("transfixing-device").orElseThrow().exclusion()).isTrue();
        Criterion bmi = CONTENT.policies().find("clinic-default").orElseThrow().criterion("bmi-limit").orElseThrow();
        assertThat(bmi.kind()).isEqualTo("bmi_max");
        assertThat(bmi.thresholds()).containsEntry("max", "35");
        assertThat(bmi.unverified()).containsExactly("max");
        assertThat(CONTENT.diagnostics().clusterRule().sensitivity()).isEqualTo(0.94);
        assertThat(CONTENT.diagnostics().clusterRule().negativeLikelihoodRatio()).isEqualTo(0.08);
    }
}
