package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ilium.candidacy.domain.BmiMaxCriterion;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.ConservativeCareCriterion;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.CriterionDefinitionException;
import org.ilium.candidacy.domain.CriterionKind;
import org.ilium.candidacy.domain.DeviceCriterion;
import org.ilium.candidacy.domain.DiagnosticBlocksCriterion;
import org.ilium.candidacy.domain.FortinPointCriterion;
import org.ilium.candidacy.domain.ImagingCriterion;
import org.ilium.candidacy.domain.InjectionFrequencyCriterion;
import org.ilium.candidacy.domain.NicotineFreeCriterion;
import org.ilium.candidacy.domain.NoSameDayBilateralCriterion;
import org.ilium.candidacy.domain.PainIntensityCriterion;
import org.ilium.candidacy.domain.PainPatternCriterion;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.ProvocationTestsCriterion;
import org.ilium.candidacy.domain.RiskFactorAbsentCriterion;
import org.ilium.candidacy.domain.SymptomDurationCriterion;
import org.ilium.candidacy.domain.TherapeuticInjectionCriterion;
import org.ilium.shared.content.ContentNode;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;

/**
 * Reads one policy file into a {@link Policy}, checking every field: unknown keys, types, ranges, dates,
 * a citation on every criterion, known criterion kinds and their parameters (docs/policies.md). Every
 * problem is a {@link org.ilium.shared.content.ContentException} naming file, line, column and field.
 */
final class PolicyReader {
    static final List<String> POLICY_KEYS = List.of("id", "name", "version", "publisher", "effectiveFrom", "effectiveTo",
            "description", "citations", "criteria");
    static final List<String> COMMON_KEYS = List.of("id", "title", "kind", "exclusion", "citation", "missing", "unverified");
    private static final int MAX_MONTHS = 120;

    private PolicyReader() {
    }

    static Policy read(ContentNode root) {
        root.unknownKeys(POLICY_KEYS);
        String id = kebab(root.get("id"));
        String name = root.text("name");
        String version = root.text("version");
        String publisher = root.text("publisher");
        LocalDate from = root.date("effectiveFrom");
        Optional<ContentNode> toNode = root.optional("effectiveTo");
        LocalDate to = toNode.map(ContentNode::asDate).orElse(null);
        if (to != null && to.isBefore(from)) {
            throw toNode.get().error("must not be before effectiveFrom (" + from + ")");
        }
        String description = root.text("description");
        List<Citation> citations = new ArrayList<>();
        List<ContentNode> citationNodes = root.list("citations");
        if (citationNodes.isEmpty()) {
            throw root.get("citations").error("must list at least one source");
        }
        for (ContentNode c : citationNodes) {
            citations.add(citation(c));
        }
        List<ContentNode> criterionNodes = root.list("criteria");
        if (criterionNodes.isEmpty()) {
            throw root.get("criteria").error("must list at least one criterion");
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ContentNode c : criterionNodes) {
            Criterion criterion = criterion(c);
            if (!ids.add(criterion.id())) {
                throw c.get("id").error("is used by another criterion of this policy");
            }
            criteria.add(criterion);
        }
        return new Policy(id, name, version, publisher, from, to, description, criteria, citations);
    }

    static String kebab(ContentNode node) {
        String id = node.asText();
        boolean ok = !id.isEmpty() && id.length() <= 80 && id.charAt(0) != '-' && id.charAt(id.length() - 1) != '-';
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && id.charAt(i - 1) != '-';
        }
        if (!ok) {
            throw node.error("must be kebab-case (lower-case letters, digits and single hyphens), not " + id);
        }
        return id;
    }

    static Citation citation(ContentNode node) {
        node.unknownKeys("source", "detail", "url");
        String url = node.optionalText("url").orElse(null);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw node.get("url").error("must be a web address starting with https://");
        }
        return new Citation(node.text("source"), node.optionalText("detail").orElse(null), url);
    }

    private static Criterion criterion(ContentNode c) {
        ContentNode kindNode = c.get("kind");
        CriterionKind kind = CriterionKind.fromCode(kindNode.asText()).orElseThrow(() -> kindNode.error("is not a known criterion kind "
                + "(known: " + kinds() + ")"));
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        allowed.addAll(parameters(kind));
        c.unknownKeys(allowed);
        String id = kebab(c.get("id"));
        if (!c.has("citation")) {
            throw c.fieldError("citation", "is required: every criterion names its source");
        }
        Set<String> unverified = new LinkedHashSet<>();
        for (ContentNode u : c.optionalList("unverified")) {
            String name = u.asText();
            if (!parameters(kind).contains(name)) {
                throw u.error("names " + name + ", which is not a parameter of a " + kind.code() + " criterion"
                        + (parameters(kind).isEmpty() ? "" : " (parameters: " + String.join(", ", parameters(kind)) + ")"));
            }
            if (!c.has(name)) {
                throw u.error("names " + name + ", which this criterion does not set");
            }
            unverified.add(name);
        }
        Criterion.Info info = new Criterion.Info(id, c.text("title"), c.bool("exclusion", kind == CriterionKind.RISK_FACTOR_ABSENT),
                citation(c.get("citation")), c.optionalText("missing").orElse(null), unverified);
        try {
            return build(kind, c, info);
        } catch (CriterionDefinitionException e) {
            ContentNode at = e.field() != null && c.has(e.field()) ? c.get(e.field()) : c;
            throw at.error(e.getMessage());
        }
    }

    private static String kinds() {
        StringBuilder out = new StringBuilder();
        for (CriterionKind k : CriterionKind.values()) {
            out.append(out.length() > 0 ? ", " : "").append(k.code());
        }
        return out.toString();
    }

    /** The parameters each kind takes in a policy file, besides the common fields. */
    static List<String> parameters(CriterionKind kind) {
        switch (kind) {
            case SYMPTOM_DURATION:
                return List.of("months");
            case CONSERVATIVE_CARE:
                return List.of("months", "requiredTypes", "minModalities");
            case PAIN_INTENSITY:
                return List.of("minNrs", "withinMonths", "functionalImpairment", "minOdi");
            case PAIN_PATTERN:
                return List.of("unilateral", "caudalToL5", "overPosteriorSij", "sideMustMatch");
            case PROVOCATION_TESTS:
                return List.of("minPositive", "tests", "withinMonths", "disregardInPregnancy");
            case FORTIN_POINT:
                return List.of("withinMonths");
            case DIAGNOSTIC_BLOCKS:
                return List.of("minCount", "minReliefPercent", "guidance", "contrastRequired", "withinMonths");
            case THERAPEUTIC_INJECTION:
                return List.of("minCount", "withinMonths");
            case IMAGING:
                return List.of("regions", "modalities", "withinMonths", "excludes");
            case RISK_FACTOR_ABSENT:
                return List.of("factor", "statuses", "withinMonths");
            case NICOTINE_FREE:
                return List.of("maxCotinine", "withinDays", "requireCotinine");
            case BMI_MAX:
                return List.of("max", "withinMonths");
            case DEVICE:
                return List.of("allowedCpt", "requireTransfixing", "requireFdaCleared");
            case NO_SAME_DAY_BILATERAL:
                return List.of();
            case INJECTION_FREQUENCY:
                return List.of("maxDiagnostic", "maxTherapeutic", "months");
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static Criterion build(CriterionKind kind, ContentNode c, Criterion.Info info) {
        Integer within = c.optionalInteger("withinMonths", 1, MAX_MONTHS).orElse(null);
        switch (kind) {
            case SYMPTOM_DURATION:
                return new SymptomDurationCriterion(info, c.integer("months", 1, MAX_MONTHS));
            case CONSERVATIVE_CARE:
                return new ConservativeCareCriterion(info, c.integer("months", 1, MAX_MONTHS),
                        enumSet(c.codes("requiredTypes", ConservativeCare.Type.class), ConservativeCare.Type.class),
                        c.optionalInteger("minModalities", 1, ConservativeCare.Type.values().length).orElse(null));
            case PAIN_INTENSITY: {
                boolean fi = c.bool("functionalImpairment", false);
                Optional<ContentNode> minOdi = c.optional("minOdi");
                if (minOdi.isPresent() && !fi) {
                    throw minOdi.get().error("applies only with functionalImpairment: true");
                }
                return new PainIntensityCriterion(info, c.decimal("minNrs", 0, 10), within, fi,
                        minOdi.map(n -> n.asDecimal(0, 100)).orElse(null));
            }
            case PAIN_PATTERN:
                return new PainPatternCriterion(info, c.bool("unilateral", true), c.bool("caudalToL5", true), c.bool("overPosteriorSij", true),
                        c.bool("sideMustMatch", true));
            case PROVOCATION_TESTS: {
                Set<ProvocationTestType> tests = enumSet(c.codes("tests", ProvocationTestType.class), ProvocationTestType.class);
                int max = tests.isEmpty() ? ProvocationTestType.values().length : tests.size();
                return new ProvocationTestsCriterion(info, c.integer("minPositive", 1, max), tests, within,
                        enumSet(c.codes("disregardInPregnancy", ProvocationTestType.class), ProvocationTestType.class));
            }
            case FORTIN_POINT:
                return new FortinPointCriterion(info, within);
            case DIAGNOSTIC_BLOCKS:
                return new DiagnosticBlocksCriterion(info, c.integer("minCount", 1, 10), c.decimal("minReliefPercent", 1, 100),
                        enumSet(c.codes("guidance", SijInjection.Guidance.class), SijInjection.Guidance.class),
                        c.bool("contrastRequired", false), within);
            case THERAPEUTIC_INJECTION:
                return new TherapeuticInjectionCriterion(info, c.integer("minCount", 1, 10), within);
            case IMAGING:
                return new ImagingCriterion(info, nonEmpty(c, "regions", Imaging.Region.class),
                        nonEmpty(c, "modalities", Imaging.Modality.class), within,
                        enumSet(c.codes("excludes", Imaging.Finding.class), Imaging.Finding.class));
            case RISK_FACTOR_ABSENT: {
                RiskFactor.Type factor = c.code("factor", RiskFactor.Type.class);
                return new RiskFactorAbsentCriterion(info, factor, new LinkedHashSet<>(c.texts("statuses")), within);
            }
            case NICOTINE_FREE:
                return new NicotineFreeCriterion(info, c.decimal("maxCotinine", 0, 10_000),
                        c.optionalInteger("withinDays", 1, 3650).orElse(null), c.bool("requireCotinine", true));
            case BMI_MAX:
                return new BmiMaxCriterion(info, c.decimal("max", 10, 80), within);
            case DEVICE: {
                Set<String> cpt = new LinkedHashSet<>();
                for (ContentNode code : c.optionalList("allowedCpt")) {
                    String value = code.asText();
                    if (!cpt(value)) {
                        throw code.error("must be a CPT code such as 27279, not " + value);
                    }
                    cpt.add(value);
                }
                return new DeviceCriterion(info, cpt, c.bool("requireTransfixing", false), c.bool("requireFdaCleared", false));
            }
            case NO_SAME_DAY_BILATERAL:
                return new NoSameDayBilateralCriterion(info);
            case INJECTION_FREQUENCY:
                return new InjectionFrequencyCriterion(info, c.integer("maxDiagnostic", 0, 52), c.integer("maxTherapeutic", 0, 52),
                        c.optionalInteger("months", 1, 60).orElse(12));
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static boolean cpt(String v) {
        if (v.length() != 5) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return Character.isDigit(v.charAt(4)) || v.charAt(4) == 'T';
    }

    private static <E extends Enum<E>> Set<E> nonEmpty(ContentNode c, String key, Class<E> type) {
        List<E> values = c.codes(key, type);
        if (values.isEmpty()) {
            throw c.get(key).error("must list at least one value");
        }
        return EnumSet.copyOf(values);
    }

    private static <E extends Enum<E>> Set<E> enumSet(List<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
