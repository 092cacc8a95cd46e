package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Oswestry Disability Index v2.1a: ten sections scored 0-5, null where the patient left a section
 * blank. Score = sum / (5 x answered sections) x 100 (REFERENCE section 5).
 */
public record OdiAssessment(String id, LocalDate date, String recordedBy, String source, List<Integer> sections)
        implements WorkupItem {
    public static final int SECTIONS = 10;

    public enum Band {
        MINIMAL, MODERATE, SEVERE, CRIPPLED, BED_BOUND
    }

    public int answered() {
        return (int) sections.stream().filter(s -> s != null).count();
    }

    /** The score 0-100, or null when no section was answered. */
    public Double score() {
        int answered = answered();
        if (answered == 0) {
            return null;
        }
        int sum = sections.stream().filter(s -> s != null).mapToInt(Integer::intValue).sum();
        return sum * 100.0 / (5.0 * answered);
    }

    /** Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound. */
    public Band band() {
        Double score = score();
        if (score == null) {
            return null;
        }
        if (score <= 20) {
            return Band.MINIMAL;
        }
        if (score <= 40) {
            return Band.MODERATE;
        }
        if (score <= 60) {
            return Band.SEVERE;
        }
        return score <= 80 ? Band.CRIPPLED : Band.BED_BOUND;
    }
}
