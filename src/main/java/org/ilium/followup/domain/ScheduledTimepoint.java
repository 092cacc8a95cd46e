package org.ilium.followup.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A timepoint placed on the calendar of one surgery date, with its completion if any. */
public record ScheduledTimepoint(Timepoint timepoint, LocalDate target, LocalDate opens, LocalDate closes, Instant completedAt,
        String completionSource) {

    /**
     * The status on {@code today}: completed whenever a completion is recorded; otherwise upcoming before
     * {@code opens}, open from {@code opens} until the day before {@code target}, due from {@code target} to
     * {@code closes} inclusive, missed from the day after {@code closes}.
     */
    public TimepointStatus statusOn(LocalDate today) {
        if (completedAt != null) {
            return TimepointStatus.COMPLETED;
        }
        if (today.isBefore(opens)) {
            return TimepointStatus.UPCOMING;
        }
        if (today.isAfter(closes)) {
            return TimepointStatus.MISSED;
        }
        return today.isBefore(target) ? TimepointStatus.OPEN : TimepointStatus.DUE;
    }

    public boolean openedBy(LocalDate today) {
        return !today.isBefore(opens);
    }
}
