package org.ilium.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ilium.outcomes.cohort.domain.CohortCalibration;
import org.ilium.shared.content.ContentException;
import org.ilium.shared.content.ContentNode;
import org.junit.jupiter.api.Test;

/** The calibration file: read as shipped, and every figure must name its source and stay in range (errors name file and line). */
class SyntheticCohortContentTest {
    static String shipped() throws IOException {
        try (InputStream in = SyntheticCohortContentTest.class.getResourceAsStream("/content/" + SyntheticCohortContent.FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shippedCalibrationReads() {
        CohortCalibration c = SyntheticCohortContent.load(null);
        assertThat(c.outcome().baselinePainMean()).isEqualTo(8.0);
        assertThat(c.revision().byTwoYears()).isEqualTo(0.03);
        assertThat(c.responseShare(0)).isEqualTo(0.91);
        assertThat(c.responseShare(18)).isEqualTo((0.60 + 0.55) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.responseShare(120)).isEqualTo(0.40);
    }

    @Test
    void aFigureWithoutSourceOrOutOfRangeFailsWithItsLine() throws IOException {
        String noSource = shipped().replace("femaleShare: {value: 0.70, source: \"INSITE 70 % female, Sachs 2013 75 % (REFERENCE 6)\"}",
                "femaleShare: {value: 0.70}");
        assertThatThrownBy(() -> SyntheticCohortContent.read(ContentNode.parse("synthetic-cohort.yaml", noSource)))
                .isInstanceOf(ContentException.class).hasMessageContaining("synthetic-cohort.yaml").hasMessageContaining("source");
        String outOfRange = shipped().replace("byTwoYears: {value: 0.03,", "byTwoYears: {value: 3,");
        assertThatThrownBy(() -> SyntheticCohortContent.read(ContentNode.parse("synthetic-cohort.yaml", outOfRange)))
                .isInstanceOf(ContentException.class).hasMessageContaining("value");
        String grades = shipped().replace("IIIb: {value: 0.03,", "IIIb: {value: 0.30,");
        assertThatThrownBy(() -> SyntheticCohortContent.read(ContentNode.parse("synthetic-cohort.yaml", grades)))
                .isInstanceOf(ContentException.class).hasMessageContaining("add up to 1");
    }
}
