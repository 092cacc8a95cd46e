package org.ilium.candidacy.domain;

import java.util.List;

/**
 * How one criterion of a policy came out for a case, and why: {@code explanation} is a sentence a
 * reviewer can read, {@code missing} (UNKNOWN only) says what to record to decide it.
 */
public record CriterionResult(String id, String title, CriterionStatus status, String explanation, List<Evidence> evidence,
        String missing, Citation citation, boolean exclusion) {
}
