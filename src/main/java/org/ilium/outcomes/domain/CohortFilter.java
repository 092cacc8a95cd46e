package org.ilium.outcomes.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which operated episodes of a site a report covers. Every part is optional (null or empty: no restriction).
 *
 * @param from first surgery date included (index operation), or null
 * @param to last surgery date included, or null
 * @param approach surgical approach code of the index operation (e.g. {@code mis_lateral_transiliac}), or null
 * @param policy id of a coverage policy: only episodes whose work-up met it on the day of surgery, or null
 * @param subgroups subgroup factor id to group id (e.g. {@code smoking -> current}); only episodes in all of them
 */
public record CohortFilter(LocalDate from, LocalDate to, String approach, String policy, Map<String, String> subgroups) {
    public CohortFilter {
        subgroups = subgroups == null ? Map.of() : Map.copyOf(new TreeMap<>(subgroups));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** No restriction: every operated episode of the site. */
    public static CohortFilter all() {
        return new CohortFilter(null, null, null, null, Map.of());
    }

    public boolean surgeryDateIncluded(LocalDate surgery) {
        return (from == null || !surgery.isBefore(from)) && (to == null || !surgery.isAfter(to));
    }
}
