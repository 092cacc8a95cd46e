package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A risk or prognostic factor as observed on a date. Which of {@code present}, {@code value} and
 * {@code status} carries the observation depends on the type (see {@link Type#kind()}).
 */
public record RiskFactor(String id, LocalDate date, String recordedBy, String source, Type type, Boolean present,
        Double value, String status, String detail) implements WorkupItem {

    public enum Kind {
        FLAG, VALUE, STATUS
    }

    public enum Type {
        SMOKING_STATUS(Kind.STATUS, List.of("never", "former", "current"), null),
        COTININE(Kind.VALUE, List.of(), "ng/mL"),
        CHRONIC_OPIOID_USE(Kind.FLAG, List.of(), null),
        BMI(Kind.VALUE, List.of(), "kg/m2"),
        PRIOR_LUMBAR_FUSION(Kind.FLAG, List.of(), null),
        GENERALISED_PAIN_DISORDER(Kind.FLAG, List.of(), null),
        BEHAVIOURAL_HEALTH(Kind.STATUS, List.of("none", "managed", "unmanaged"), null),
        PREGNANCY(Kind.FLAG, List.of(), null);

        private final Kind kind;
        private final List<String> statuses;
        private final String unit;

        Type(Kind kind, List<String> statuses, String unit) {
            this.kind = kind;
            this.statuses = statuses;
            this.unit = unit;
        }

        public Kind kind() {
            return kind;
        }

        /** Allowed status codes of a STATUS factor. */
        public List<String> statuses() {
            return statuses;
        }

        /** Unit of a VALUE factor. */
        public String unit() {
            return unit;
        }
    }
}
