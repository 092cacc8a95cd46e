package org.ilium.outcomes.domain;

import java.util.Objects;

/** The responder thresholds for pain and ODI with the publication they come from. */
public record OutcomeThresholds(PainThresholds pain, OdiThresholds odi, Citation citation) {
    public OutcomeThresholds {
        Objects.requireNonNull(pain, "pain");
        Objects.requireNonNull(odi, "odi");
        Objects.requireNonNull(citation, "citation");
    }
}
