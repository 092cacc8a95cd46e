package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Student's t interval for a mean, on published worked examples. */
class MeanEstimateTest {
    private static final double E4 = 0.00005;

    /**
     * NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.5.2 "Confidence limits for the mean" (the
     * ZARR13.DAT example, referred to from 7.2.2): N = 195, mean 9.261460, sd 0.022789, t(0.975, 194) = 1.9723,
     * 95 % limits 9.258242 and 9.264679.
     */
    @Test
    void nistHandbookZarr13Example() {
        MeanEstimate m = MeanEstimate.fromSummary(195, 9.261460, 0.022789);
        assertThat(MeanEstimate.tQuantile(194)).isCloseTo(1.9723, within(E4));
        assertThat(m.interval().orElseThrow().lower()).isCloseTo(9.258242, within(0.000002));
        assertThat(m.interval().orElseThrow().upper()).isCloseTo(9.264679, within(0.000002));
        assertThat(m.standardError().getAsDouble()).isCloseTo(0.001632, within(0.0000005));
    }

    /**
     * Student (1908), Biometrika 6:1-25, the Cushny-Peebles sleep data (R datasets::sleep): extra hours of sleep,
     * drug 2 minus drug 1 in ten patients. Mean 1.58, sd 1.2300, 95 % interval 0.7001 to 2.4599 (as R's paired t.test).
     */
    @Test
    void studentsSleepDataExample() {
        MeanEstimate m = MeanEstimate.of(1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4).orElseThrow();
        assertThat(m.n()).isEqualTo(10);
        assertThat(m.mean()).isCloseTo(1.58, within(1e-12));
        assertThat(m.standardDeviation().getAsDouble()).isCloseTo(1.2300, within(E4));
        assertThat(m.interval().orElseThrow().lower()).isCloseTo(0.7001, within(E4));
        assertThat(m.interval().orElseThrow().upper()).isCloseTo(2.4599, within(E4));
    }

    @Test
    void noValuesGiveNothingAndOneValueGivesAMeanWithoutInterval() {
        assertThat(MeanEstimate.of()).isEmpty();
        assertThat(MeanEstimate.of(List.of())).isEmpty();
        MeanEstimate one = MeanEstimate.of(List.of(7)).orElseThrow();
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.standardDeviation()).isEmpty();
        assertThat(one.standardError()).isEmpty();
        assertThat(one.interval()).isEmpty();
    }

    @Test
    void identicalValuesGiveAZeroWidthIntervalAndBadValuesAreRefused() {
        MeanEstimate m = MeanEstimate.of(3, 3, 3).orElseThrow();
        assertThat(m.interval().orElseThrow()).isEqualTo(new ConfidenceInterval(3, 3));
        assertThatThrownBy(() -> MeanEstimate.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanEstimate.fromSummary(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
