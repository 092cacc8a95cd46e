package org.ilium.followup.domain;

import java.util.Objects;

/**
 * One step of the recovery plan, from {@code from} after surgery until {@code until} after it ({@code null}:
 * from then on). {@code source} cites where it comes from; {@code unverified} marks advice that is not in the
 * cited source and that a site should check.
 */
public record Milestone(String id, String label, Offset from, Offset until, String source, boolean unverified) {
    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(from, "from");
    }
}
