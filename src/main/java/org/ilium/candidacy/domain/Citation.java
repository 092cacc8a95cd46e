package org.ilium.candidacy.domain;

/** Where a rule or figure comes from: a short source label, the exact place in it, and a link when public. */
public record Citation(String source, String detail, String url) {
}
