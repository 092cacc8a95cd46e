package org.ilium.workup.domain;

import java.util.List;

/**
 * The Oswestry Disability Index v2.1a arithmetic, in one place for the work-up's {@link OdiAssessment} and the
 * questionnaire module: ten sections scored 0-5, null where a section was left blank; score = sum / (5 x answered
 * sections) x 100, so each blank section reduces the denominator by 5 (REFERENCE section 5). No minimum number of
 * answered sections is imposed here: the reference gives none, so the caller reports the answered count with the score.
 */
public final class OdiScoring {
    public static final int SECTIONS = 10;
    public static final int SECTION_MAX = 5;

    private OdiScoring() {
    }

    /** Sections answered (not null). */
    public static int answered(List<Integer> sections) {
        return (int) sections.stream().filter(s -> s != null).count();
    }

    /** The score 0-100, unrounded, or null when no section was answered. */
    public static Double score(List<Integer> sections) {
        int answered = answered(sections);
        if (answered == 0) {
            return null;
        }
        int sum = sections.stream().filter(s -> s != null).mapToInt(Integer::intValue).sum();
        return sum * 100.0 / (SECTION_MAX * (double) answered);
    }

    /** Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound; null for a null score. */
    public static OdiAssessment.Band band(Double score) {
        if (score == null) {
            return null;
        }
        if (score <= 20) {
            return OdiAssessment.Band.MINIMAL;
        }
        if (score <= 40) {
            return OdiAssessment.Band.MODERATE;
        }
        if (score <= 60) {
            return OdiAssessment.Band.SEVERE;
        }
        return score <= 80 ? OdiAssessment.Band.CRIPPLED : OdiAssessment.Band.BED_BOUND;
    }
}
