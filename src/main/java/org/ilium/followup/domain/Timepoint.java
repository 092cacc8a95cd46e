package org.ilium.followup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One timepoint of a protocol: its target is {@code offset} before the surgery date ({@code beforeSurgery},
 * the baseline) or after it; its window runs from {@code windowBefore} before the target to
 * {@code windowAfter} after it, both days included.
 */
public record Timepoint(String id, String label, boolean beforeSurgery, Offset offset, Offset windowBefore, Offset windowAfter,
        List<String> instruments, boolean windowUnverified) {
    public Timepoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(windowBefore, "windowBefore");
        Objects.requireNonNull(windowAfter, "windowAfter");
        instruments = List.copyOf(instruments);
    }

    public LocalDate target(LocalDate surgeryDate) {
        return beforeSurgery ? offset.before(surgeryDate) : offset.after(surgeryDate);
    }

    public LocalDate opens(LocalDate surgeryDate) {
        return windowBefore.before(target(surgeryDate));
    }

    public LocalDate closes(LocalDate surgeryDate) {
        return windowAfter.after(target(surgeryDate));
    }
}
