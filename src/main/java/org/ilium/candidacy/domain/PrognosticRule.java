package org.ilium.candidacy.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One factor known to change the expected benefit of fusion, as content: which factor (a closed set),
 * the direction, the thresholds where the factor has one (UNVERIFIED in the literature, hence editable),
 * the note for the patient conversation and its source. Notes may use {age} and {months} (symptom months).
 *
 * @param ageYears for YOUNGER_AGE the age below which it applies; for OLDER_LONG_DURATION_NO_PRIOR_FUSION the
 *        age from which it applies
 * @param months for SHORTER_DURATION the symptom months below which it applies; for
 *        OLDER_LONG_DURATION_NO_PRIOR_FUSION the months from which it applies
 */
public record PrognosticRule(Factor factor, PrognosticNote.Direction direction, Integer ageYears, Integer months, String note,
        Citation citation) {

    public enum Factor {
        /** Latest smoking status is current. */
        CURRENT_SMOKING(false, false),
        /** Latest chronic opioid use record says present. */
        CHRONIC_OPIOID_USE(false, false),
        /** Latest prior lumbar fusion record says present. */
        PRIOR_LUMBAR_FUSION(false, false),
        /** Age below {@code ageYears}. */
        YOUNGER_AGE(true, false),
        /** Symptoms for fewer than {@code months}. */
        SHORTER_DURATION(false, true),
        /** Age at least {@code ageYears}, symptoms for at least {@code months}, and no prior lumbar fusion recorded as absent. */
        OLDER_LONG_DURATION_NO_PRIOR_FUSION(true, true);

        private final boolean usesAge;
        private final boolean usesMonths;

        Factor(boolean usesAge, boolean usesMonths) {
            this.usesAge = usesAge;
            this.usesMonths = usesMonths;
        }

        public boolean usesAge() {
            return usesAge;
        }

        public boolean usesMonths() {
            return usesMonths;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Factor> fromCode(String code) {
            for (Factor f : values()) {
                if (f.code().equals(code)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public PrognosticRule {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(citation, "citation");
        if (factor.usesAge() != (ageYears != null)) {
            throw new IllegalArgumentException(factor.code() + (factor.usesAge() ? " needs" : " takes no") + " ageYears");
        }
        if (factor.usesMonths() != (months != null)) {
            throw new IllegalArgumentException(factor.code() + (factor.usesMonths() ? " needs" : " takes no") + " months");
        }
    }
}
