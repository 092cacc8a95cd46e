package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One criterion of a coverage policy: a small rule object that looks at a case and answers MET, NOT_MET
 * or UNKNOWN with a sentence, the records it used and the policy's citation. The kinds form a closed set,
 * one class each; their thresholds come from the policy file.
 *
 * <p>Throughout, NOT_MET means a recorded finding fails the rule (a value beyond a threshold, an
 * exclusion present, a negative test, care that lasted too short); UNKNOWN means the rule needs a
 * record that does not exist yet (or only outside the time window), and {@link #missing()} says what to
 * record. A criterion is evaluated on a {@link CaseView} of the same date.
 */
public abstract sealed class Criterion permits SymptomDurationCriterion, ConservativeCareCriterion, PainIntensityCriterion,
        PainPatternCriterion, ProvocationTestsCriterion, FortinPointCriterion, DiagnosticBlocksCriterion,
        TherapeuticInjectionCriterion, ImagingCriterion, RiskFactorAbsentCriterion, NicotineFreeCriterion, BmiMaxCriterion,
        DeviceCriterion, NoSameDayBilateralCriterion, InjectionFrequencyCriterion {

    /**
     * What every criterion has, whatever its kind.
     *
     * @param missingTemplate the hint for an UNKNOWN result; {@code {name}} is replaced by the threshold of
     *        that name; null for the kind's default
     * @param unverified names of thresholds that could not be confirmed from the source (shown as such)
     */
    public record Info(String id, String title, boolean exclusion, Citation citation, String missingTemplate,
            Set<String> unverified) {
        public Info {
            unverified = unverified == null ? Set.of() : Set.copyOf(unverified);
        }

        public static Info of(String id, String title, Citation citation) {
            return new Info(id, title, false, citation, null, Set.of());
        }
    }

    private final CriterionKind kind;
    private final String id;
    private final String title;
    private final boolean exclusion;
    private final Citation citation;
    private final Map<String, String> thresholds;
    private final Set<String> unverified;
    private final String missing;

    Criterion(CriterionKind kind, Info info, Map<String, String> thresholds) {
        this.kind = Objects.requireNonNull(kind);
        if (info.id() == null || info.id().isBlank()) {
            throw new CriterionDefinitionException("id", "is required");
        }
        if (info.title() == null || info.title().isBlank()) {
            throw new CriterionDefinitionException("title", "is required");
        }
        if (info.citation() == null || info.citation().source() == null || info.citation().source().isBlank()) {
            throw new CriterionDefinitionException("citation", "is required: every criterion names its source");
        }
        this.id = info.id();
        this.title = info.title();
        this.exclusion = info.exclusion();
        this.citation = info.citation();
        this.thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        for (String name : info.unverified()) {
            if (!thresholds.containsKey(name)) {
                throw new CriterionDefinitionException("unverified", "names " + name + ", which is not a threshold of this "
                        + kind.code() + " criterion (thresholds: " + String.join(", ", thresholds.keySet()) + ")");
            }
        }
        this.unverified = Collections.unmodifiableSet(new TreeSet<>(info.unverified()));
        this.missing = render(info.missingTemplate() == null ? kind.defaultHint() : info.missingTemplate(), thresholds, kind);
    }

    /** Fills {@code {name}} placeholders with threshold values; an unknown name is a definition error. */
    static String render(String template, Map<String, String> values, CriterionKind kind) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new CriterionDefinitionException("missing", "has a '{' without a closing '}'");
            }
            String name = template.substring(open + 1, close);
            String value = values.get(name);
            if (value == null) {
                throw new CriterionDefinitionException("missing", "names {" + name + "}, which is not a threshold of this "
                        + kind.code() + " criterion" + (values.isEmpty() ? "" : " (thresholds: " + String.join(", ", values.keySet()) + ")"));
            }
            out.append(template, i, open).append(value);
            i = close + 1;
        }
        return out.toString();
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    /** The kind's code as in policy files, e.g. {@code diagnostic_blocks}. */
    public final String kind() {
        return kind.code();
    }

    public final CriterionKind criterionKind() {
        return kind;
    }

    /** True for a criterion that rules a patient out (a contraindication) rather than in. */
    public final boolean exclusion() {
        return exclusion;
    }

    public final Citation citation() {
        return citation;
    }

    /** The thresholds by parameter name as in the policy file, values as text: {@code minReliefPercent -> 75}. */
    public final Map<String, String> thresholds() {
        return thresholds;
    }

    /** Thresholds in one line: {@code minCount = 2; minReliefPercent = 75 (UNVERIFIED)}. */
    public final String thresholdText() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> t : thresholds.entrySet()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(t.getKey()).append(" = ").append(t.getValue());
            if (unverified.contains(t.getKey())) {
                out.append(" (UNVERIFIED)");
            }
        }
        return out.toString();
    }

    /** Thresholds that could not be confirmed from the source: a site should review them. */
    public final Set<String> unverified() {
        return unverified;
    }

    /** What to record when this criterion comes out UNKNOWN. */
    public final String missing() {
        return missing;
    }

    /** How this criterion comes out for the case on {@code date}; {@code view} must be of that date. */
    public final CriterionResult evaluate(CaseView view, LocalDate date) {
        if (!date.equals(view.date())) {
            throw new IllegalArgumentException("the case view is of " + view.date() + ", not " + date);
        }
        Check c = check(view, date);
        return new CriterionResult(id, title, c.status(), c.explanation(), c.evidence(),
                c.status() == CriterionStatus.UNKNOWN ? missing : null, citation, exclusion);
    }

    abstract Check check(CaseView view, LocalDate date);

    static List<Evidence> none() {
        return List.of();
    }

    @Override
    public String toString() {
        return id + " (" + kind.code() + ")";
    }
}
