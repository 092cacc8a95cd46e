package org.ilium.outcomes.domain;

/**
 * One published figure (or a seed claim) beside the cohort's figure at the matching timepoint. Shares are in per cent
 * on both sides, pain on 0-10, ODI on 0-100; changes are follow-up minus baseline.
 *
 * @param kind PUBLISHED, or SEED_CLAIM for the seed article's own claim (shown as a claim, not evidence)
 * @param timepoint the published timepoint, null when the publication does not tie the figure to one
 * @param cohortTimepoint the cohort timepoint compared with (the published one, or the report's primary timepoint
 *     when the figure has none); null when nothing in the cohort matches
 * @param cohortField the report field compared (e.g. {@code painChange.mean}), null when nothing matches
 * @param cohortValue the cohort's value in the published unit, null when nothing matches or there are no data
 */
public record BenchmarkComparison(String benchmarkId, Benchmark.Kind kind, String study, String design, Citation citation,
        String timepoint, BenchmarkFigure.Measure measure, String arm, String label, double publishedValue, Integer publishedOf,
        String unit, String note, String cohortTimepoint, String cohortField, Double cohortValue, ConfidenceInterval cohortCi95,
        Integer cohortN) {
}
