package org.ilium.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A protocol laid on the calendar from one surgery date. */
public record Schedule(Protocol protocol, LocalDate surgeryDate, List<ScheduledTimepoint> timepoints, List<PlannedMilestone> recovery) {

    /** A recovery step with its dates; {@code until} is null for a step without an end. */
    public record PlannedMilestone(Milestone milestone, LocalDate from, LocalDate until) {
    }

    /** A recorded completion of a timepoint. */
    public record Completion(Instant at, String source) {
    }

    public Schedule {
        timepoints = List.copyOf(timepoints);
        recovery = List.copyOf(recovery);
    }

    /** The schedule of {@code protocol} for a surgery on {@code surgeryDate}, with the completions recorded by timepoint id. */
    public static Schedule of(Protocol protocol, LocalDate surgeryDate, Map<String, Completion> completions) {
        Objects.requireNonNull(surgeryDate, "surgeryDate");
        List<ScheduledTimepoint> tps = protocol.timepoints().stream().map(t -> {
            Completion c = completions.get(t.id());
            return new ScheduledTimepoint(t, t.target(surgeryDate), t.opens(surgeryDate), t.closes(surgeryDate),
                    c == null ? null : c.at(), c == null ? null : c.source());
        }).toList();
        List<PlannedMilestone> plan = protocol.recovery().stream().map(m -> new PlannedMilestone(m, m.from().after(surgeryDate),
                m.until() == null ? null : m.until().after(surgeryDate))).toList();
        return new Schedule(protocol, surgeryDate, tps, plan);
    }

    public ScheduledTimepoint timepoint(String id) {
        return timepoints.stream().filter(t -> t.timepoint().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no timepoint " + id));
    }
}
