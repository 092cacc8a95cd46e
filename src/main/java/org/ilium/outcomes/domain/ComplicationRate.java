package org.ilium.outcomes.domain;

/**
 * One complication type or Clavien-Dindo grade in the cohort.
 *
 * @param code complication code (content/complications.yaml) or grade (I, II, IIIa, IIIb, IVa, IVb, V)
 * @param name the catalogue name, or "Clavien-Dindo grade ..."
 * @param events complications recorded
 * @param rate episodes with at least one, among the operated episodes, with its Wilson interval
 * @param literatureRatePercent the published rate from the catalogue (per cent), null when unknown or for a grade
 */
public record ComplicationRate(String code, String name, int events, ProportionEstimate rate, Double literatureRatePercent) {
}
