package org.ilium.outcomes.domain;

import java.util.List;

/**
 * Kaplan-Meier freedom from revision after the index operation: an episode's event is its first revision procedure;
 * an episode without one is censored at its last contact (latest response, complication or procedure date, not after
 * the report date).
 *
 * @param steps one per month with a revision, in time order
 * @param at the curve read at 12m, 24m and 5y (months 12, 24, 60)
 */
public record RevisionFreeSurvival(int episodes, int revisions, int censored, List<SurvivalStep> steps, List<SurvivalStep> at) {
    public RevisionFreeSurvival {
        steps = List.copyOf(steps);
        at = List.copyOf(at);
    }
}
