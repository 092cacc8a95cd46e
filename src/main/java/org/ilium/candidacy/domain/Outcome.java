package org.ilium.candidacy.domain;

/** A determination: every criterion met; some criterion not met; or nothing failed but something unknown. */
public enum Outcome {
    ELIGIBLE, NOT_ELIGIBLE, INCOMPLETE
}
