package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Oswestry Disability Index v2.1a: ten sections scored 0-5, null where the patient left a section
 * blank. Score = sum / (5 x answered sections) x 100 (REFERENCE section 5).
 */
public record OdiAssessment(String id, LocalDate date, String recordedBy, String source, List<Integer> sections)
        implements WorkupItem {
    public static final int SECTIONS = OdiScoring.SECTIONS;

    public enum Band {
        MINIMAL, MODERATE, SEVERE, CRIPPLED, BED_BOUND
    }

    public int answered() {
        return OdiScoring.answered(sections);
    }

    /** The score 0-100, or null when no section was answered. */
    public Double score() {
        return OdiScoring.score(sections);
    }

    /** Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound. */
    public Band band() {
        return OdiScoring.band(score());
    }
}
