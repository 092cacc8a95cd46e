package org.ilium.candidacy.domain;

/** A factor known to change the expected benefit of fusion, for the patient conversation, not the decision. */
public record PrognosticNote(String factor, Direction direction, String note, Citation citation) {
    public enum Direction {
        LOWER_BENEFIT, HIGHER_BENEFIT
    }
}
