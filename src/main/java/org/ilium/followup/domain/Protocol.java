package org.ilium.followup.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A follow-up protocol: timepoints in time order and the recovery plan. */
public record Protocol(String id, String version, String name, String citation, List<Timepoint> timepoints, List<Milestone> recovery) {
    public Protocol {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        timepoints = List.copyOf(timepoints);
        recovery = List.copyOf(recovery);
        Set<String> ids = new HashSet<>();
        for (Timepoint t : timepoints) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("timepoint " + t.id() + " appears twice");
            }
        }
    }

    public Optional<Timepoint> timepoint(String timepointId) {
        return timepoints.stream().filter(t -> t.id().equals(timepointId)).findFirst();
    }

    /** Checks that windows follow each other without overlapping, for a typical and for a month-end surgery date. */
    public Optional<String> overlap() {
        for (LocalDate surgery : List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 6, 15))) {
            for (int i = 1; i < timepoints.size(); i++) {
                Timepoint a = timepoints.get(i - 1);
                Timepoint b = timepoints.get(i);
                if (!b.opens(surgery).isAfter(a.closes(surgery))) {
                    return Optional.of("the window of " + b.id() + " overlaps the window of " + a.id() + " (surgery on " + surgery + ")");
                }
            }
        }
        return Optional.empty();
    }
}
