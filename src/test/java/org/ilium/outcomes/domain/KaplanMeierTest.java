package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ilium.outcomes.domain.SurvivalObservation.censored;
import static org.ilium.outcomes.domain.SurvivalObservation.event;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kaplan-Meier on the 6-MP arm of Freireich EJ et al., Blood 1963;21:699-716 (remission times in weeks, 21 patients),
 * as tabulated in Kleinbaum DG, Klein M. Survival Analysis: A Self-Learning Text, 3rd ed., Springer 2012, chapter 2;
 * Greenwood standard errors and log-log 95 % limits as R's {@code survfit(..., conf.type = "log-log")}.
 */
class KaplanMeierTest {
    private static final double E4 = 0.00005;

    static List<SurvivalObservation> sixMp() {
        List<SurvivalObservation> obs = new ArrayList<>();
        for (double t : new double[] {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
            obs.add(event(t));
        }
        for (double t : new double[] {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
            obs.add(censored(t));
        }
        java.util.Collections.reverse(obs);
        return obs;
    }

    @Test
    void freireichSixMpArm() {
        KaplanMeier km = KaplanMeier.estimate(sixMp());
        assertThat(km.subjects()).isEqualTo(21);
        assertThat(km.events()).isEqualTo(9);
        assertThat(km.censored()).isEqualTo(12);
        double[][] expected = {
            // time, at risk, events, S, se, lower, upper
            {6, 21, 3, 0.8571, 0.0764, 0.6197, 0.9516},
            {7, 17, 1, 0.8067, 0.0869, 0.5631, 0.9228},
            {10, 15, 1, 0.7529, 0.0963, 0.5032, 0.8894},
            {13, 12, 1, 0.6902, 0.1068, 0.4316, 0.8491},
            {16, 11, 1, 0.6275, 0.1141, 0.3675, 0.8049},
            {22, 7, 1, 0.5378, 0.1282, 0.2678, 0.7468},
            {23, 6, 1, 0.4482, 0.1346, 0.1881, 0.6801}};
        assertThat(km.steps()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            KaplanMeier.Step s = km.steps().get(i);
            double[] e = expected[i];
            assertThat(s.time()).isEqualTo(e[0]);
            assertThat(s.atRisk()).as("at risk at " + e[0]).isEqualTo((int) e[1]);
            assertThat(s.events()).isEqualTo((int) e[2]);
            assertThat(s.survival()).as("S(" + e[0] + ")").isCloseTo(e[3], within(E4));
            assertThat(s.standardError().getAsDouble()).as("se at " + e[0]).isCloseTo(e[4], within(E4));
            assertThat(s.interval().orElseThrow().lower()).as("lower at " + e[0]).isCloseTo(e[5], within(E4));
            assertThat(s.interval().orElseThrow().upper()).as("upper at " + e[0]).isCloseTo(e[6], within(E4));
        }
        assertThat(km.survivalAt(5.9)).isEqualTo(1.0);
        assertThat(km.survivalAt(12)).isCloseTo(0.7529, within(E4));
        assertThat(km.survivalAt(35)).as("censored at the last time: the curve stays above 0").isCloseTo(0.4482, within(E4));
        assertThat(km.stepAt(1)).isEmpty();
    }

    @Test
    void whenEveryoneHasTheEventTheCurveReachesZeroWithoutAnInterval() {
        KaplanMeier km = KaplanMeier.estimate(List.of(event(1), event(2), event(2)));
        assertThat(km.steps()).hasSize(2);
        assertThat(km.steps().get(0).survival()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(km.steps().get(0).standardError().getAsDouble()).isCloseTo(Math.sqrt(2.0 / 27), within(1e-12));
        KaplanMeier.Step last = km.steps().get(1);
        assertThat(last.atRisk()).isEqualTo(2);
        assertThat(last.survival()).isZero();
        assertThat(last.standardError()).isEmpty();
        assertThat(last.interval()).isEmpty();
        assertThat(km.survivalAt(100)).isZero();
    }

    @Test
    void censoringAtTheLastEventTimeCountsAsAtRisk() {
        KaplanMeier km = KaplanMeier.estimate(List.of(event(1), censored(2), event(3), censored(3)));
        assertThat(km.steps()).extracting(KaplanMeier.Step::atRisk).containsExactly(4, 2);
        assertThat(km.survivalAt(3)).isCloseTo(0.75 * 0.5, within(1e-12));
        assertThat(km.steps().get(1).interval()).isPresent();
    }

    @Test
    void noObservationsOrOnlyCensoringGiveNoSteps() {
        assertThat(KaplanMeier.estimate(List.of()).steps()).isEmpty();
        KaplanMeier km = KaplanMeier.estimate(List.of(censored(4), censored(5)));
        assertThat(km.steps()).isEmpty();
        assertThat(km.survivalAt(10)).isEqualTo(1.0);
        assertThat(km.censored()).isEqualTo(2);
    }
}
