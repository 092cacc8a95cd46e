package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Responder classification with the INSITE thresholds (REFERENCE 5), here given directly rather than from content. */
class ThresholdsTest {
    private final PainThresholds pain = new PainThresholds(20, 25, 35);
    private final OdiThresholds odi = new OdiThresholds(15, 18.8);

    @Test
    void painOnTheVisualAnalogueScale() {
        assertThat(pain.classify(82, 62, PainScale.VAS_0_100)).isEqualTo(new Improvement(20, true, false));
        assertThat(pain.classify(82, 57, PainScale.VAS_0_100)).isEqualTo(new Improvement(25, true, true));
        assertThat(pain.classify(82, 63, PainScale.VAS_0_100)).isEqualTo(new Improvement(19, false, false));
        assertThat(pain.classify(40, 35, PainScale.VAS_0_100))
                .as("a low final score is a substantial benefit without an important change").isEqualTo(new Improvement(5, false, true));
    }

    @Test
    void painOnTheNumericScaleIsConvertedByTen() {
        Improvement i = pain.classify(8, 6, PainScale.NRS_0_10);
        assertThat(i.improvement()).isEqualTo(20.0);
        assertThat(i.clinicallyImportant()).isTrue();
        assertThat(i.substantialBenefit()).isFalse();
        assertThat(pain.classify(8.7, 0.9, PainScale.NRS_0_10).substantialBenefit()).isTrue();
        assertThatThrownBy(() -> pain.classify(82, 60, PainScale.NRS_0_10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-10");
    }

    @Test
    void odi() {
        assertThat(odi.classify(62, 47)).isEqualTo(new Improvement(15, true, false));
        assertThat(odi.classify(62, 43.2).substantialBenefit()).isTrue();
        assertThat(odi.classify(62, 43.3).substantialBenefit()).isFalse();
        assertThat(odi.classify(30, 40)).isEqualTo(new Improvement(-10, false, false));
        assertThatThrownBy(() -> odi.classify(101, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OdiThresholds(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
