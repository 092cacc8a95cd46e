package org.ilium.candidacy.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of criterion kinds a policy file can use ({@code kind: diagnostic_blocks}), each with
 * the hint shown when a policy file gives none of its own. Parameters are documented in docs/policies.md.
 */
public enum CriterionKind {
    SYMPTOM_DURATION("Record when the pain began (symptom history onset); at least {months} months are needed."),
    CONSERVATIVE_CARE("Record the non-operative care courses (type, start, end, result) covering at least {months} months."),
    PAIN_INTENSITY("Record a current pain score (NRS 0-10 or VAS 0-100 mm) and the functional impact (ODI or functional impairment)."),
    PAIN_PATTERN("Record the pain pattern in the symptom history: unilateral, caudal to L5, over the posterior SI joint."),
    PROVOCATION_TESTS("Perform and record the SI joint provocation tests on the affected side; at least {minPositive} must be positive."),
    FORTIN_POINT("Record the Fortin finger test on the affected side."),
    DIAGNOSTIC_BLOCKS("Record {minCount} image-guided diagnostic SI joint blocks on separate dates, each with relief of at least {minReliefPercent} %."),
    THERAPEUTIC_INJECTION("Record at least {minCount} therapeutic SI joint injection(s) tried."),
    IMAGING("Record imaging that assesses the conditions this criterion rules out."),
    RISK_FACTOR_ABSENT("Record whether the patient has {factor}."),
    NICOTINE_FREE("Record a cotinine test (at most {maxCotinine} ng/mL needed) and the smoking status."),
    BMI_MAX("Record a current body mass index (at most {max} kg/m2)."),
    DEVICE("Record the planned procedure: CPT code and the device's properties (transfixing, FDA clearance)."),
    NO_SAME_DAY_BILATERAL("Record whether both sides would be fused on the same day."),
    INJECTION_FREQUENCY("Record the SI joint injections of the last {months} months.");

    private final String defaultHint;

    CriterionKind(String defaultHint) {
        this.defaultHint = defaultHint;
    }

    /** The code in policy files: {@code diagnostic_blocks}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code missing} hint template used when a policy file does not give one. */
    public String defaultHint() {
        return defaultHint;
    }

    public static Optional<CriterionKind> fromCode(String code) {
        for (CriterionKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
