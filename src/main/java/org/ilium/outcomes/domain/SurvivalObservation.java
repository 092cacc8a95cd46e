package org.ilium.outcomes.domain;

/**
 * One subject's follow-up for survival analysis: the time (any unit, >= 0, e.g. months since the operation) and
 * whether the event (e.g. a revision) happened then ({@code event}) or the subject was last seen event-free then
 * (censored).
 */
public record SurvivalObservation(double time, boolean event) {
    public SurvivalObservation {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("A survival time must be finite and >= 0, got " + time);
        }
    }

    public static SurvivalObservation event(double time) {
        return new SurvivalObservation(time, true);
    }

    public static SurvivalObservation censored(double time) {
        return new SurvivalObservation(time, false);
    }
}
