package org.ilium.surgery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ilium.shared.FieldError;
import org.junit.jupiter.api.Test;

class ImplantAndComplicationTest {
    @Test
    void udisAreCheckedLooselyForAGs1OrHibccShape() {
        assertThat(Implant.plausibleUdi("(01)00643169007222(17)260101(10)LOT123")).isTrue();
        assertThat(Implant.plausibleUdi("0100643169007222")).isTrue();
        assertThat(Implant.plausibleUdi("+H123ABC1230")).isTrue();
        assertThat(Implant.plausibleUdi("iFuse-7mm")).isFalse();
        assertThat(Implant.plausibleUdi("(01)123")).isFalse();
    }

    @Test
    void resolutionDateGoesWithAResolutionAndDeathWithGradeV() {
        LocalDate onset = LocalDate.of(2025, 5, 1);
        Complication ongoing = new Complication("hematoma", onset, Reporter.SURGEON, ClavienDindo.I, Relatedness.NOT_RELATED,
                Relatedness.PROBABLE, false, Resolution.ONGOING, null, null);
        assertThat(ongoing.problems()).isEmpty();
        Complication resolvedEarly = new Complication("hematoma", onset, Reporter.SURGEON, ClavienDindo.I, Relatedness.NOT_RELATED,
                Relatedness.PROBABLE, false, Resolution.RESOLVED, onset.minusDays(1), null);
        assertThat(resolvedEarly.problems()).extracting(FieldError::field).containsExactly("resolutionDate");
        Complication fatalGradeI = new Complication("dvt_pe", onset, Reporter.SURGEON, ClavienDindo.I, Relatedness.NOT_RELATED,
                Relatedness.POSSIBLE, true, Resolution.FATAL, onset, null);
        assertThat(fatalGradeI.problems()).extracting(FieldError::field).containsExactly("grade");
        assertThat(ClavienDindo.fromCode("IIIa")).contains(ClavienDindo.IIIA);
        assertThat(ClavienDindo.fromCode("iiia")).isEmpty();
    }
}
