package org.ilium.outcomes.domain;

/**
 * One group of a subgroup factor (e.g. current smokers) at the subgroup table's timepoint.
 *
 * @param episodes operated episodes of the cohort in this group
 * @param painChange follow-up minus baseline pain (NRS), episodes with both
 * @param clinicallyImportantPain responders on pain among episodes with both scores
 */
public record SubgroupGroup(String id, String label, int episodes, MeanValue painChange, MeanValue odiChange,
        ProportionEstimate clinicallyImportantPain) {
}
