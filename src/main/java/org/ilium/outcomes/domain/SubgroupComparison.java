package org.ilium.outcomes.domain;

/**
 * A group against its reference: differences group minus reference, with Welch (means) and Newcombe (shares)
 * intervals; each null when either side has too few patients.
 */
public record SubgroupComparison(String group, String reference, MeanDifference painChange, MeanDifference odiChange,
        ProportionDifference clinicallyImportantPain) {
}
