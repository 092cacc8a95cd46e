package org.ilium.outcomes.domain;

import java.util.List;

/**
 * Complications of the cohort's episodes (index operation and after).
 *
 * @param episodes the denominator: operated episodes of the cohort
 * @param any episodes with at least one complication
 * @param serious episodes with at least one complication recorded as serious
 * @param byType one row per complication code recorded, most frequent first
 * @param byGrade one row per Clavien-Dindo grade, I to V, all grades listed
 */
public record ComplicationSummary(int episodes, int events, ProportionEstimate any, ProportionEstimate serious,
        List<ComplicationRate> byType, List<ComplicationRate> byGrade) {
    public ComplicationSummary {
        byType = List.copyOf(byType);
        byGrade = List.copyOf(byGrade);
    }
}
