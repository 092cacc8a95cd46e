package org.ilium.outcomes.domain;

/**
 * One step of a Kaplan-Meier curve, or the curve read at a timepoint.
 *
 * @param months time since the index operation in months (days / 30.4375)
 * @param atRisk episodes still followed and not revised just before this time
 * @param events revisions at this time (0 when the curve is read between steps)
 * @param survival revision-free share 0-1
 * @param ci95 log-log 95 % interval, null where the survival is 0 or there is no event yet
 * @param timepoint the protocol timepoint the curve is read at, null for a step
 */
public record SurvivalStep(double months, int atRisk, int events, double survival, ConfidenceInterval ci95, String timepoint) {
}
