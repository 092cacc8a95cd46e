package org.ilium.workup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainLocation;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SurgicalApproach;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;

/**
 * Reads one work-up record from JSON, naming every bad field: the same rules for the API, for case
 * files and for records read back from storage. Field names are those of {@link WorkupWriter}.
 */
public final class WorkupReader {
    /** Where a record comes from when the client does not say. */
    public static final String DEFAULT_SOURCE = "clinician";
    public static final List<String> SOURCES = List.of("clinician", "patient", "outside_records", "ehr_import", "case_file");
    private static final List<String> SIDES = Codes.all(Side.class);

    /**
     * @param latest dates after this are refused as in the future; null when reading stored records
     */
    public record Context(String id, String recordedBy, LocalDate latest) {
    }

    private WorkupReader() {
    }

    public static WorkupItem read(WorkupKind kind, JsonInput in, Context ctx) {
        for (String derived : new String[] {"id", "version", "score", "band", "computedReliefPercent"}) {
            in.readOnly(derived);
        }
        String recordedBy = ctx.recordedBy() != null ? ctx.recordedBy() : in.text("recordedBy", false, 100);
        if (ctx.recordedBy() != null) {
            in.readOnly("recordedBy");
        }
        LocalDate date = pastDate(in, "date", true, ctx);
        String source = in.code("source", false, s -> SOURCES.contains(s) ? java.util.Optional.of(s) : java.util.Optional.empty(), SOURCES);
        Header h = new Header(ctx.id(), date, recordedBy, source == null ? DEFAULT_SOURCE : source);
        return switch (kind) {
            case PAIN_SCORES -> painScore(in, h);
            case ODI -> odi(in, h);
            case PROVOCATION_TESTS -> new ProvocationTest(h.id, h.date, h.by, h.source,
                    code(in, "test", true, ProvocationTestType.class), side(in, true), positive(in));
            case FORTIN -> new FortinFinding(h.id, h.date, h.by, h.source, side(in, true), positive(in));
            case INJECTIONS -> injection(in, h);
            case CONSERVATIVE_CARE -> conservativeCare(in, h, ctx);
            case IMAGING -> imaging(in, h);
            case RISK_FACTORS -> riskFactor(in, h);
            case SYMPTOM_HISTORY -> new SymptomHistory(h.id, h.date, h.by, h.source, pastDate(in, "onset", false, ctx),
                    in.bool("unilateral", false), in.bool("caudalToL5", false), in.bool("overPosteriorSij", false),
                    in.bool("functionalImpairment", false));
            case PLANNED_PROCEDURES -> plannedProcedure(in, h);
        };
    }

    private record Header(String id, LocalDate date, String by, String source) {
    }

    private static PainScore painScore(JsonInput in, Header h) {
        Integer nrs = in.integer("nrs", false, 0, 10);
        Integer vas = in.integer("vas", false, 0, 100);
        if (!in.has("nrs") && !in.has("vas")) {
            in.addError("nrs", "or vas is required: NRS 0-10 or VAS 0-100 mm");
        }
        List<PainLocation> locations = in.codes("locations", false, c -> Codes.parse(PainLocation.class, c), Codes.all(PainLocation.class));
        return new PainScore(h.id, h.date, h.by, h.source, nrs, vas, side(in, false),
                locations == null || locations.isEmpty() ? EnumSet.noneOf(PainLocation.class) : EnumSet.copyOf(locations));
    }

    private static OdiAssessment odi(JsonInput in, Header h) {
        tools.jackson.databind.JsonNode node = in.readOnly("sections");
        List<Integer> sections = new ArrayList<>();
        if (node == null || !node.isArray() || node.size() != OdiAssessment.SECTIONS) {
            in.addError("sections", "is required: a list of " + OdiAssessment.SECTIONS + " section scores 0-5, null for a blank section");
        } else {
            for (int i = 0; i < node.size(); i++) {
                tools.jackson.databind.JsonNode s = node.get(i);
                if (s.isNull()) {
                    sections.add(null);
                } else if (s.isIntegralNumber() && s.canConvertToInt() && s.intValue() >= 0 && s.intValue() <= 5) {
                    sections.add(s.intValue());
                } else {
                    in.addError("sections[" + i + "]", "must be a whole number 0 to 5, or null when left blank");
                    sections.add(null);
                }
            }
            if (sections.stream().allMatch(s -> s == null) && sections.size() == OdiAssessment.SECTIONS) {
                in.addError("sections", "must have at least one section answered");
            }
        }
        return new OdiAssessment(h.id, h.date, h.by, h.source, java.util.Collections.unmodifiableList(sections));
    }

    private static SijInjection injection(JsonInput in, Header h) {
        SijInjection.Purpose purpose = code(in, "purpose", true, SijInjection.Purpose.class);
        Side side = side(in, true);
        SijInjection.Guidance guidance = code(in, "guidance", true, SijInjection.Guidance.class);
        Boolean contrast = in.bool("contrast", true);
        List<String> agents = in.texts("agents", false, 10, 100);
        Integer before = in.integer("painBefore", false, 0, 10);
        Integer after = in.integer("painAfter", false, 0, 10);
        Double relief = in.decimal("reliefPercent", false, 0, 100);
        Double hours = in.decimal("reliefHours", false, 0, 24 * 365);
        return new SijInjection(h.id, h.date, h.by, h.source, purpose, side, guidance, Boolean.TRUE.equals(contrast),
                agents == null ? List.of() : List.copyOf(agents), before, after, relief, hours);
    }

    private static ConservativeCare conservativeCare(JsonInput in, Header h, Context ctx) {
        ConservativeCare.Type type = code(in, "type", true, ConservativeCare.Type.class);
        LocalDate start = pastDate(in, "start", true, ctx);
        LocalDate end = pastDate(in, "end", false, ctx);
        if (start != null && end != null && end.isBefore(start)) {
            in.addError("end", "must not be before start");
        }
        ConservativeCare.Result result = code(in, "result", true, ConservativeCare.Result.class);
        return new ConservativeCare(h.id, h.date, h.by, h.source, type, start, end, result, in.text("detail", false, 500));
    }

    private static Imaging imaging(JsonInput in, Header h) {
        Imaging.Modality modality = code(in, "modality", true, Imaging.Modality.class);
        Imaging.Region region = code(in, "region", true, Imaging.Region.class);
        Map<Imaging.Finding, Boolean> findings = new EnumMap<>(Imaging.Finding.class);
        JsonInput f = in.object("findings", false);
        if (f != null) {
            for (Imaging.Finding finding : Imaging.Finding.values()) {
                Boolean present = f.bool(camel(finding), false);
                if (present != null) {
                    findings.put(finding, present);
                }
            }
        }
        return new Imaging(h.id, h.date, h.by, h.source, modality, region, findings, in.text("report", false, 2000));
    }

    private static RiskFactor riskFactor(JsonInput in, Header h) {
        RiskFactor.Type type = code(in, "type", true, RiskFactor.Type.class);
        Boolean present = null;
        Double value = null;
        String status = null;
        if (type != null) {
            switch (type.kind()) {
                case FLAG -> present = in.bool("present", true);
                case VALUE -> value = in.decimal("value", true, 0, type == RiskFactor.Type.BMI ? 100 : 100_000);
                case STATUS -> status = in.code("status", true,
                        s -> type.statuses().contains(s) ? java.util.Optional.of(s) : java.util.Optional.empty(), type.statuses());
            }
            for (String other : new String[] {"present", "value", "status"}) {
                if (!other.equals(fieldOf(type.kind())) && in.has(other)) {
                    in.readOnly(other);
                    in.addError(other, "does not apply to " + Codes.of(type) + "; use " + fieldOf(type.kind()));
                }
            }
        }
        return new RiskFactor(h.id, h.date, h.by, h.source, type, present, value, status, in.text("detail", false, 500));
    }

    private static PlannedProcedure plannedProcedure(JsonInput in, Header h) {
        String cpt = in.text("cpt", true, 5);
        if (cpt != null && !cpt.matches("\\d{5}|\\d{4}T")) {
            in.addError("cpt", "must be a CPT code such as 27279");
        }
        return new PlannedProcedure(h.id, h.date, h.by, h.source, cpt, code(in, "approach", false, SurgicalApproach.class),
                in.text("device", false, 200), in.bool("transfixingDevice", false), in.bool("fdaClearedDevice", false),
                in.bool("bilateralSameDay", false), in.date("plannedDate", false));
    }

    static String fieldOf(RiskFactor.Kind kind) {
        return switch (kind) {
            case FLAG -> "present";
            case VALUE -> "value";
            case STATUS -> "status";
        };
    }

    /** {@code INFLAMMATORY_SACROILIITIS} -> {@code inflammatorySacroiliitis}: JSON field names of findings. */
    public static String camel(Enum<?> value) {
        String[] parts = value.name().toLowerCase().split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        Arrays.stream(parts).skip(1).forEach(p -> out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1)));
        return out.toString();
    }

    private static boolean positive(JsonInput in) {
        return Boolean.TRUE.equals(in.bool("positive", true));
    }

    private static Side side(JsonInput in, boolean required) {
        return in.code("side", required, c -> Codes.parse(Side.class, c), SIDES);
    }

    private static <E extends Enum<E>> E code(JsonInput in, String field, boolean required, Class<E> type) {
        return in.code(field, required, c -> Codes.parse(type, c), Codes.all(type));
    }

    private static LocalDate pastDate(JsonInput in, String field, boolean required, Context ctx) {
        LocalDate date = in.date(field, required);
        if (date != null && ctx.latest() != null && date.isAfter(ctx.latest())) {
            in.addError(field, "must not be in the future");
            return null;
        }
        return date;
    }
}
