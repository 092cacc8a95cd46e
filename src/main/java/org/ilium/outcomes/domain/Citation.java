package org.ilium.outcomes.domain;

/** Where a benchmark figure or a threshold comes from: the reference, optional detail (table, page), optional URL. */
public record Citation(String source, String detail, String url) {
    public Citation {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A citation needs a source");
        }
    }
}
