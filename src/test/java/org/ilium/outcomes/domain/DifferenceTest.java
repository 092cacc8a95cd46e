package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Differences between two groups: Welch for means, Newcombe's hybrid score for proportions. */
class DifferenceTest {
    private static final double E4 = 0.00005;

    /**
     * Student (1908) sleep data as two independent groups, as R's {@code t.test(extra ~ group, data = sleep)}
     * (Welch): means 0.75 and 2.33, t = -1.8608, df = 17.776, 95 % interval -3.3655 to 0.2055.
     */
    @Test
    void welchOnTheSleepData() {
        double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        MeanDifference d = MeanDifference.welch(drug1, drug2).orElseThrow();
        assertThat(d.difference()).isCloseTo(-1.58, within(1e-12));
        assertThat(d.difference() / d.standardError()).isCloseTo(-1.8608, within(E4));
        assertThat(d.degreesOfFreedom()).isCloseTo(17.776, within(0.0005));
        assertThat(d.interval().lower()).isCloseTo(-3.3655, within(E4));
        assertThat(d.interval().upper()).isCloseTo(0.2055, within(E4));
    }

    @Test
    void welchNeedsTwoValuesPerGroupAndSomeSpread() {
        assertThat(MeanDifference.welch(new double[] {1}, new double[] {1, 2})).isEmpty();
        assertThat(MeanDifference.welch(new double[] {}, new double[] {1, 2})).isEmpty();
        assertThat(MeanDifference.welch(new double[] {1, 1}, new double[] {2, 2})).isEmpty();
        assertThat(MeanDifference.welch(new double[] {1, 1}, new double[] {2, 3})).isPresent();
    }

    /**
     * Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven
     * methods. Stat Med 1998;17:873-890, Table II, method 10 (hybrid score, no continuity correction).
     */
    @Test
    void newcombe1998Method10Examples() {
        check(56, 70, 48, 80, 0.2000, 0.0524, 0.3339);
        check(9, 10, 3, 10, 0.6000, 0.1705, 0.8090);
        check(5, 56, 0, 29, 0.0893, -0.0381, 0.1926);
        check(0, 10, 0, 20, 0.0000, -0.1611, 0.2775);
        check(0, 10, 0, 10, 0.0000, -0.2775, 0.2775);
        check(10, 10, 0, 20, 1.0000, 0.6791, 1.0000);
        check(10, 10, 0, 10, 1.0000, 0.6075, 1.0000);
    }

    @Test
    void anEmptyGroupGivesNothing() {
        assertThat(ProportionDifference.newcombe(0, 0, 1, 2)).isEmpty();
        assertThat(ProportionDifference.newcombe(1, 2, 0, 0)).isEmpty();
    }

    private static void check(int x1, int n1, int x2, int n2, double d, double lower, double upper) {
        ProportionDifference p = ProportionDifference.newcombe(x1, n1, x2, n2).orElseThrow();
        String at = x1 + "/" + n1 + " vs " + x2 + "/" + n2;
        assertThat(p.difference()).as(at).isCloseTo(d, within(E4));
        assertThat(p.interval().lower()).as(at + " lower").isCloseTo(lower, within(E4));
        assertThat(p.interval().upper()).as(at + " upper").isCloseTo(upper, within(E4));
    }
}
