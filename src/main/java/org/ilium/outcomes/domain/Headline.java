package org.ilium.outcomes.domain;

/**
 * What the one-paragraph answer to "does it work here?" rests on, at the primary timepoint (12m).
 *
 * @param seedClaim the seed article's claim (all would repeat) beside the cohort, null when the content has none
 */
public record Headline(String primaryTimepoint, int episodesOperated, int eligible, int responded, MeanValue baselinePain,
        MeanValue pain, MeanValue painChange, ProportionEstimate clinicallyImportantPain, ProportionEstimate substantialBenefitPain,
        MeanValue odiChange, ProportionEstimate clinicallyImportantOdi, ProportionEstimate wouldRepeat, SurvivalStep revisionFree,
        ProportionEstimate anyComplication, BenchmarkComparison seedClaim) {
}
