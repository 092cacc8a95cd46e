package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Wilson score intervals on the examples of Newcombe RG. Two-sided confidence intervals for the single proportion:
 * comparison of seven methods. Stat Med 1998;17:857-872, Table I, method 3 (score, no continuity correction).
 */
class ProportionEstimateTest {
    private static final double E4 = 0.00005;

    @Test
    void newcombe1998Examples() {
        check(81, 263, 0.2553, 0.3662);
        check(15, 148, 0.0624, 0.1605);
        check(0, 20, 0.0000, 0.1611);
        check(1, 29, 0.0061, 0.1718);
    }

    @Test
    void allSuccessesReachOneAndNoneGivesNothing() {
        ProportionEstimate all = ProportionEstimate.wilson(29, 29).orElseThrow();
        assertThat(all.proportion()).isEqualTo(1.0);
        assertThat(all.interval().upper()).isEqualTo(1.0);
        assertThat(all.interval().lower()).isCloseTo(0.8830, within(E4));
        assertThat(ProportionEstimate.wilson(0, 1).orElseThrow().interval().upper()).isCloseTo(0.7935, within(E4));
        assertThat(ProportionEstimate.wilson(0, 0)).isEmpty();
        assertThatThrownBy(() -> ProportionEstimate.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionEstimate.wilson(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void check(int x, int n, double lower, double upper) {
        ProportionEstimate p = ProportionEstimate.wilson(x, n).orElseThrow();
        assertThat(p.proportion()).isEqualTo((double) x / n);
        assertThat(p.interval().lower()).as(x + "/" + n + " lower").isCloseTo(lower, within(E4));
        assertThat(p.interval().upper()).as(x + "/" + n + " upper").isCloseTo(upper, within(E4));
    }
}
