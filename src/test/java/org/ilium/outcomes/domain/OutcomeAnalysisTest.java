package org.ilium.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.followup.domain.Offset;
import org.ilium.followup.domain.Timepoint;
import org.ilium.outcomes.domain.EpisodeOutcome.Instrument;
import org.junit.jupiter.api.Test;

/** A cohort of three episodes worked out by hand: every figure below is computed on paper from the rows. */
class OutcomeAnalysisTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    static final List<Timepoint> TIMEPOINTS = List.of(
            new Timepoint("baseline", "Baseline", true, Offset.ZERO, Offset.days(30), Offset.ZERO, List.of(), false),
            new Timepoint("12m", "12 months", false, Offset.months(12), Offset.months(1), Offset.months(2), List.of(), false));
    static final OutcomeThresholds THRESHOLDS = new OutcomeThresholds(new PainThresholds(20, 25, 35), new OdiThresholds(15, 18.8),
            new Citation("INSITE", null, null));
    static final OutcomeAnalysis ANALYSIS = new OutcomeAnalysis(TIMEPOINTS, THRESHOLDS,
            List.of(new OutcomeAnalysis.ComplicationType("facet_joint_pain", "Facet joint pain", 20.0)),
            List.of(new Benchmark("sachs", Benchmark.Kind.PUBLISHED, "Sachs", "40 patients", 40, Map.of(), null, new Citation("Sachs 2013", null, null),
                    List.of(new BenchmarkFigure("12m", BenchmarkFigure.Measure.PAIN_CHANGE, null, -7.8, null, null, null, null, null),
                            new BenchmarkFigure(null, BenchmarkFigure.Measure.SHARE, null, 20, null, null, "facet joint pain after surgery", null, null))),
                    new Benchmark("seed", Benchmark.Kind.SEED_CLAIM, "Seed claim", "claim", 40, Map.of(), "sachs", new Citation("Seed 000", null, null),
                            List.of(new BenchmarkFigure(null, BenchmarkFigure.Measure.SHARE, null, 100, null, null, "would have the procedure again",
                                    null, null)))), SubgroupCutoffs.DEFAULT);

    static List<EpisodeOutcome> cohort() {
        // E1: 8 -> 2 pain, ODI 60 -> 30, would repeat, never smoked, last seen at 12 months
        EpisodeOutcome e1 = new EpisodeOutcome(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2024, 1, 10), LocalDate.of(1960, 5, 1), 2);
        e1.procedure(LocalDate.of(2024, 1, 10), false, "mis_lateral_transiliac", 1);
        e1.answer(0, Instrument.BACK_PAIN, 8, LocalDate.of(2024, 1, 2), 1);
        e1.answer(0, Instrument.ODI, 60, LocalDate.of(2024, 1, 2), 2);
        e1.answer(1, Instrument.BACK_PAIN, 5, LocalDate.of(2025, 1, 11), 3);
        e1.answer(1, Instrument.BACK_PAIN, 2, LocalDate.of(2025, 1, 12), 4); // a later answer replaces the earlier one
        e1.answer(1, Instrument.ODI, 30, LocalDate.of(2025, 1, 12), 5);
        e1.answer(1, Instrument.WOULD_REPEAT, 1, LocalDate.of(2025, 1, 12), 6);
        e1.riskFactor("smoking_status", "never", null, LocalDate.of(2023, 12, 1), 1);
        e1.riskFactor("smoking_status", "current", null, LocalDate.of(2024, 3, 1), 2); // after surgery: ignored
        // E2: 7 -> 6 pain, ODI 50 -> 45, would not repeat, current smoker, facet joint pain, revised after 182 days
        EpisodeOutcome e2 = new EpisodeOutcome(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2024, 2, 1), LocalDate.of(1990, 1, 1), 2);
        e2.procedure(LocalDate.of(2024, 2, 1), false, "open", 1);
        e2.procedure(LocalDate.of(2024, 8, 1), true, "open", 2);
        e2.answer(0, Instrument.BACK_PAIN, 7, LocalDate.of(2024, 1, 20), 1);
        e2.answer(0, Instrument.ODI, 50, LocalDate.of(2024, 1, 20), 2);
        e2.answer(1, Instrument.BACK_PAIN, 6, LocalDate.of(2025, 2, 3), 3);
        e2.answer(1, Instrument.ODI, 45, LocalDate.of(2025, 2, 3), 4);
        e2.answer(1, Instrument.WOULD_REPEAT, 0, LocalDate.of(2025, 2, 3), 5);
        e2.riskFactor("smoking_status", "current", null, LocalDate.of(2024, 1, 5), 1);
        e2.complication("facet_joint_pain", "II", false, LocalDate.of(2024, 5, 1));
        // E3: operated in June 2025, only a baseline: not yet due at 12 months
        EpisodeOutcome e3 = new EpisodeOutcome(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2025, 6, 1), LocalDate.of(1970, 1, 1), 2);
        e3.procedure(LocalDate.of(2025, 6, 1), false, "open", 1);
        e3.answer(0, Instrument.BACK_PAIN, 9, LocalDate.of(2025, 5, 20), 1);
        // E4: operated after the report date: not in the cohort
        EpisodeOutcome e4 = new EpisodeOutcome(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 2, 1), LocalDate.of(1970, 1, 1), 2);
        return List.of(e1, e2, e3, e4);
    }

    @Test
    void timepointsByHand() {
        OutcomeReport r = ANALYSIS.analyse("main", "Main", "standard", CohortFilter.all(), AS_OF, cohort());
        assertThat(r.patientsOperated()).isEqualTo(3);
        assertThat(r.firstSurgery()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(r.lastSurgery()).isEqualTo(LocalDate.of(2025, 6, 1));

        TimepointOutcome baseline = r.timepoint("baseline");
        assertThat(baseline.eligible()).isEqualTo(3);
        assertThat(baseline.n()).isEqualTo(3);
        assertThat(baseline.pain().mean()).isCloseTo(8.0, within(1e-12));
        assertThat(baseline.painChange()).isNull();

        TimepointOutcome m12 = r.timepoint("12m");
        assertThat(m12.eligible()).isEqualTo(2);
        assertThat(m12.n()).isEqualTo(2);
        assertThat(m12.responseRate().proportion()).isEqualTo(1.0);
        assertThat(m12.pain().mean()).isCloseTo(4.0, within(1e-12));
        // sd of (2, 6) = 2.8284; t(0.975, 1) = 12.7062: 4 +/- 12.7062 x 2.8284 / sqrt(2) = 4 +/- 25.4124
        assertThat(m12.pain().ci95().lower()).isCloseTo(4 - 25.4124, within(1e-3));
        assertThat(m12.painChange().mean()).isCloseTo(-3.5, within(1e-12));
        assertThat(m12.odiChange().mean()).isCloseTo(-17.5, within(1e-12));
        assertThat(m12.clinicallyImportantPain().successes()).isEqualTo(1);
        assertThat(m12.clinicallyImportantPain().n()).isEqualTo(2);
        assertThat(m12.substantialBenefitPain().successes()).isEqualTo(1);
        assertThat(m12.clinicallyImportantOdi().successes()).isEqualTo(1);
        assertThat(m12.painFree().successes()).isZero();
        assertThat(m12.wouldRepeat().proportion()).isEqualTo(0.5);
        assertThat(m12.satisfied()).isNull();
    }

    @Test
    void complicationsSurvivalAndSubgroupsByHand() {
        OutcomeReport r = ANALYSIS.analyse("main", "Main", "standard", CohortFilter.all(), AS_OF, cohort());
        ComplicationSummary c = r.complications();
        assertThat(c.any().successes()).isEqualTo(1);
        assertThat(c.any().n()).isEqualTo(3);
        assertThat(c.byType()).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("facet_joint_pain");
            assertThat(t.literatureRatePercent()).isEqualTo(20.0);
        });
        assertThat(c.byGrade()).hasSize(7);
        assertThat(c.byGrade().get(1).rate().successes()).isEqualTo(1);

        // E2 revised at 182 days = 5.98 months with E1 (censored at 12.09 months) and E2 at risk; E3 censored at 0
        RevisionFreeSurvival s = r.revisionFreeSurvival();
        assertThat(s.revisions()).isEqualTo(1);
        assertThat(s.steps()).singleElement().satisfies(step -> {
            assertThat(step.months()).isCloseTo(182 / 30.4375, within(1e-12));
            assertThat(step.atRisk()).isEqualTo(2);
            assertThat(step.survival()).isEqualTo(0.5);
        });
        assertThat(s.at().get(0).timepoint()).isEqualTo("12m");
        assertThat(s.at().get(0).survival()).isEqualTo(0.5);
        assertThat(s.at().get(0).atRisk()).isEqualTo(1);

        SubgroupFactor smoking = r.subgroups().factors().stream().filter(f -> f.id().equals("smoking")).findFirst().orElseThrow();
        assertThat(smoking.groups().get(0).id()).isEqualTo("current");
        assertThat(smoking.groups().get(0).painChange().mean()).isEqualTo(-1.0);
        assertThat(smoking.groups().get(1).painChange().mean()).isEqualTo(-6.0);
        assertThat(smoking.comparisons().get(0).painChange()).as("one patient per group: no Welch interval").isNull();
        assertThat(smoking.comparisons().get(0).clinicallyImportantPain().difference()).isEqualTo(-1.0);
    }

    @Test
    void ageAndDurationGroupsFollowTheCutoffsOfContent() {
        assertThat(ANALYSIS.factors().get("age")).containsExactly("under_50", "50_and_over");
        assertThat(ANALYSIS.factors().get("symptom_duration")).containsExactly("under_2_years", "2_years_and_over");
        OutcomeAnalysis site = new OutcomeAnalysis(TIMEPOINTS, THRESHOLDS, List.of(), List.of(), new SubgroupCutoffs(60, 18));
        assertThat(site.factors().get("age")).containsExactly("under_60", "60_and_over");
        assertThat(site.factors().get("symptom_duration")).containsExactly("under_18_months", "18_months_and_over");
        List<EpisodeOutcome> cohort = cohort();
        // E1 is 63 on the day of surgery, E2 34
        assertThat(site.group(cohort.get(0), "age")).isEqualTo("60_and_over");
        assertThat(site.group(cohort.get(1), "age")).isEqualTo("under_60");
        assertThat(ANALYSIS.group(cohort.get(0), "age")).isEqualTo("50_and_over");
        SubgroupFactor age = site.analyse("main", "Main", "standard", CohortFilter.all(), AS_OF, cohort).subgroups().factors().stream()
                .filter(f -> f.id().equals("age")).findFirst().orElseThrow();
        assertThat(age.groups()).extracting(SubgroupGroup::id, SubgroupGroup::label, SubgroupGroup::episodes)
                .containsExactly(tuple("under_60", "Under 60 years", 2), tuple("60_and_over", "60 years or older", 1));
        SubgroupFactor duration = site.analyse("main", "Main", "standard", CohortFilter.all(), AS_OF, cohort).subgroups().factors().stream()
                .filter(f -> f.id().equals("symptom_duration")).findFirst().orElseThrow();
        assertThat(duration.groups()).extracting(SubgroupGroup::label).containsExactly("Under 18 months", "18 months or longer");
        assertThat(site.included(cohort.get(1), new CohortFilter(null, null, null, null, Map.of("age", "under_60")), AS_OF)).isTrue();
        assertThat(site.included(cohort.get(0), new CohortFilter(null, null, null, null, Map.of("age", "under_60")), AS_OF)).isFalse();
    }

    @Test
    void benchmarksSideBySideAndTheSeedClaimLabelled() {
        OutcomeReport r = ANALYSIS.analyse("main", "Main", "standard", CohortFilter.all(), AS_OF, cohort());
        assertThat(r.benchmarks()).hasSize(3);
        BenchmarkComparison change = r.benchmarks().get(0);
        assertThat(change.cohortField()).isEqualTo("painChange.mean");
        assertThat(change.cohortValue()).isEqualTo(-3.5);
        BenchmarkComparison facet = r.benchmarks().get(1);
        assertThat(facet.cohortValue()).isCloseTo(100.0 / 3, within(1e-12));
        BenchmarkComparison seed = r.benchmarks().get(2);
        assertThat(seed.kind()).isEqualTo(Benchmark.Kind.SEED_CLAIM);
        assertThat(seed.cohortTimepoint()).isEqualTo("12m");
        assertThat(seed.cohortValue()).isEqualTo(50.0);
        assertThat(r.headline().seedClaim()).isEqualTo(seed);
        assertThat(r.headline().painChange().mean()).isEqualTo(-3.5);
    }

    @Test
    void filters() {
        OutcomeReport open = ANALYSIS.analyse("main", "Main", "standard", new CohortFilter(null, null, "open", null, Map.of()), AS_OF, cohort());
        assertThat(open.episodesOperated()).isEqualTo(2);
        OutcomeReport smokers = ANALYSIS.analyse("main", "Main", "standard",
                new CohortFilter(null, null, null, null, Map.of("smoking", "current")), AS_OF, cohort());
        assertThat(smokers.episodesOperated()).isEqualTo(1);
        OutcomeReport early = ANALYSIS.analyse("main", "Main", "standard",
                new CohortFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), null, null, Map.of()), AS_OF, cohort());
        assertThat(early.episodesOperated()).isEqualTo(1);
        OutcomeReport none = ANALYSIS.analyse("main", "Main", "standard",
                new CohortFilter(LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 31), null, null, Map.of()), AS_OF, cohort());
        assertThat(none.episodesOperated()).isZero();
        assertThat(none.timepoint("12m").pain()).isNull();
        assertThat(none.complications().any()).isNull();
    }

    @Test
    void eligibilityFollowsTheCalendarRule() {
        // 12 months after 2025-01-31 is 2026-01-31; after 2024-02-29 it is 2025-02-28
        Timepoint m12 = TIMEPOINTS.get(1);
        assertThat(OutcomeAnalysis.lastEligibleSurgeryDay(m12, LocalDate.of(2026, 1, 31))).isEqualTo((int) LocalDate.of(2025, 1, 31).toEpochDay());
        assertThat(OutcomeAnalysis.lastEligibleSurgeryDay(m12, LocalDate.of(2025, 2, 28))).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(OutcomeAnalysis.lastEligibleSurgeryDay(TIMEPOINTS.get(0), AS_OF)).isEqualTo((int) AS_OF.toEpochDay());
    }
}
