package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;

import java.util.Map;
import java.util.Set;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.ImagingCriterion;
import org.ilium.workup.domain.Imaging.Finding;
import org.ilium.workup.domain.Imaging.Modality;
import org.ilium.workup.domain.Imaging.Region;
import org.junit.jupiter.api.Test;

class ImagingCriterionTest {
    private static final Map<Finding, Boolean> CLEAR = Map.of(Finding.TUMOUR, false, Finding.INFECTION, false, Finding.ACUTE_FRACTURE,
            false);
    private final ImagingCriterion recent = new ImagingCriterion(info("imaging"), Set.of(Region.SACROILIAC_JOINT, Region.PELVIS),
            Set.of(Modality.XRAY, Modality.CT, Modality.MRI), 6, Set.of(Finding.TUMOUR, Finding.INFECTION, Finding.ACUTE_FRACTURE));

    @Test
    void withinSixMonthsBoundary() {
        assertThat(evaluate(recent, aCase().withImaging("2025-09-02", Modality.CT, Region.SACROILIAC_JOINT, CLEAR)).status())
                .isEqualTo(CriterionStatus.MET);
        CriterionResult old = evaluate(recent, aCase().withImaging("2025-09-01", Modality.CT, Region.SACROILIAC_JOINT, CLEAR));
        assertThat(old.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(old.explanation()).isEqualTo("No X-ray, CT or MRI of the sacroiliac joint or pelvis within 6 months; "
                + "the latest is of 2025-09-01.");
    }

    @Test
    void aConditionPresentRulesOutOneNotAssessedIsUnknown() {
        CriterionResult tumour = evaluate(recent, aCase().withImaging("2026-01-10", Modality.MRI, Region.SACROILIAC_JOINT,
                Map.of(Finding.TUMOUR, true, Finding.INFECTION, false, Finding.ACUTE_FRACTURE, false)));
        assertThat(tumour.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(tumour.explanation()).isEqualTo("Imaging shows tumour (MRI sacroiliac joint of 2026-01-10).");
        CriterionResult partial = evaluate(recent, aCase().withImaging("2026-01-10", Modality.CT, Region.SACROILIAC_JOINT,
                Map.of(Finding.TUMOUR, false)));
        assertThat(partial.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(partial.explanation()).endsWith(": infection, acute fracture (ruled out: tumour).");
    }

    @Test
    void eachConditionIsJudgedByTheLatestStudyThatAssessedIt() {
        CaseBuilder resolved = aCase().withImaging("2025-10-01", Modality.MRI, Region.SACROILIAC_JOINT,
                Map.of(Finding.INFECTION, true)).withImaging("2026-01-10", Modality.CT, Region.SACROILIAC_JOINT, CLEAR);
        assertThat(evaluate(recent, resolved).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder combined = aCase().withImaging("2025-10-01", Modality.CT, Region.SACROILIAC_JOINT, Map.of(Finding.TUMOUR, false))
                .withImaging("2026-01-10", Modality.XRAY, Region.PELVIS, Map.of(Finding.INFECTION, false, Finding.ACUTE_FRACTURE, false));
        assertThat(evaluate(recent, combined).status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void otherRegionsAndModalitiesDoNotCount() {
        assertThat(evaluate(recent, aCase().withImaging("2026-01-10", Modality.CT, Region.LUMBAR_SPINE, CLEAR)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(evaluate(recent, aCase().withImaging("2026-01-10", Modality.BONE_SCAN, Region.PELVIS, CLEAR)).status())
                .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void aStudyWithoutExcludedConditionsOnlyHasToExist() {
        ImagingCriterion anyPelvis = new ImagingCriterion(info("x"), Set.of(Region.PELVIS), Set.of(Modality.XRAY), null, Set.of());
        assertThat(evaluate(anyPelvis, aCase().withImaging("2024-01-10", Modality.XRAY, Region.PELVIS, Map.of())).status())
                .isEqualTo(CriterionStatus.MET);
    }
}
