package org.ilium.workup.domain;

import java.time.LocalDate;

/**
 * The history of the presenting pain: when it began and its pattern. Booleans are null when not
 * assessed, so that a decision can tell "no" from "not asked".
 */
public record SymptomHistory(String id, LocalDate date, String recordedBy, String source, LocalDate onset,
        Boolean unilateral, Boolean caudalToL5, Boolean overPosteriorSij, Boolean functionalImpairment)
        implements WorkupItem {
}
