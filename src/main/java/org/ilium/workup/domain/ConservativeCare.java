package org.ilium.workup.domain;

import java.time.LocalDate;

/** A course of non-operative care; {@code end} is null while it goes on. */
public record ConservativeCare(String id, LocalDate date, String recordedBy, String source, Type type, LocalDate start,
        LocalDate end, Result result, String detail) implements WorkupItem {

    public enum Type {
        MEDICATION, NSAID, SUPERVISED_PHYSICAL_THERAPY, HOME_EXERCISE, ACTIVITY_MODIFICATION, BRACING, CHIROPRACTIC, MASSAGE
    }

    /** FAILED: no lasting relief; PARTIAL: some relief, symptoms remain; RESOLVED: pain gone; ONGOING: not yet judged. */
    public enum Result {
        FAILED, PARTIAL, RESOLVED, ONGOING
    }
}
