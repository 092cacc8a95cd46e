package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of a coverage policy: who publishes it, when it applies, and its criteria, each with its
 * source. Loaded from a content file ({@code content/policies/*.yaml}); never edited in code.
 *
 * @param id kebab-case, the same for every version ({@code nass-2015})
 * @param effectiveTo last day it applies, inclusive; null while open-ended
 * @param citations the policy's sources as a whole; each criterion also cites its own
 */
public record Policy(String id, String name, String version, String publisher, LocalDate effectiveFrom, LocalDate effectiveTo,
        String description, List<Criterion> criteria, List<Citation> citations) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveTo " + effectiveTo + " is before effectiveFrom " + effectiveFrom);
        }
        criteria = List.copyOf(criteria);
        citations = List.copyOf(citations);
        Set<String> ids = new HashSet<>();
        for (Criterion c : criteria) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("criterion id " + c.id() + " is used twice");
            }
        }
    }

    /** effectiveFrom <= date <= effectiveTo (or open-ended). */
    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** True when the two effective periods share at least one day. */
    public boolean overlaps(Policy other) {
        boolean thisEndsBefore = effectiveTo != null && effectiveTo.isBefore(other.effectiveFrom);
        boolean otherEndsBefore = other.effectiveTo != null && other.effectiveTo.isBefore(effectiveFrom);
        return !thisEndsBefore && !otherEndsBefore;
    }

    /** "2015-01-01 to 2019-12-31" or "from 2015-01-01". */
    public String effectivePeriod() {
        return effectiveTo == null ? "from " + effectiveFrom : effectiveFrom + " to " + effectiveTo;
    }

    public java.util.Optional<Criterion> criterion(String criterionId) {
        for (Criterion c : criteria) {
            if (c.id().equals(criterionId)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
