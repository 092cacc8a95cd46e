package org.ilium.prom.domain;

/** How an instrument's answers become a score; a closed set, named in each instrument file as {@code scoring}. */
public enum ScoringRule {
    /**
     * One required item; the score is the answer (a number) or the chosen answer's value, plus the instrument's flags
     * (true when the chosen code is listed under the flag).
     */
    SINGLE,
    /**
     * Oswestry Disability Index v2.1a: ten sections 0-5, blanks allowed; score = sum / (5 x answered) x 100 with its
     * band (REFERENCE section 5), via {@link org.ilium.workup.domain.OdiScoring}.
     */
    ODI
}
