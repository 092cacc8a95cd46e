package org.ilium.surgery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.web.JsonInput;
import org.ilium.surgery.domain.Anaesthesia;
import org.ilium.surgery.domain.ClavienDindo;
import org.ilium.surgery.domain.CodingRule;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Implant;
import org.ilium.surgery.domain.Procedure;
import org.ilium.surgery.domain.ProcedureSide;
import org.ilium.surgery.domain.Relatedness;
import org.ilium.surgery.domain.Reporter;
import org.ilium.surgery.domain.Resolution;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.SurgicalApproach;

/**
 * One JSON form of procedures and complications for the API and storage. Reading collects every bad
 * field in the {@link JsonInput}; new input is also checked against content (CPT coding rules, the
 * approach's steps, the complication catalogue) and today's date, stored payloads are read as written.
 */
public final class SurgeryJson {
    static final List<String> REVISION_REASONS = List.of("malposition", "nonunion", "persistent_pain", "infection", "fracture",
            "implant_loosening", "other");
    static final int TEXT_MAX = 200;
    static final int NOTES_MAX = 2000;

    /** {@code latestToday} null: a stored payload, read without the checks of new input. */
    public record Context(SurgeryContent content, LocalDate latestToday) {
        boolean fresh() {
            return latestToday != null;
        }
    }

    private SurgeryJson() {
    }

    public static Procedure readProcedure(JsonInput in, Context ctx) {
        LocalDate date = in.date("date", true);
        if (ctx.fresh() && date != null && date.isAfter(ctx.latestToday())) {
            in.addError("date", "must not be in the future");
        }
        String surgeon = in.text("surgeon", true, TEXT_MAX);
        ProcedureSide side = code(in, "side", true, ProcedureSide.class);
        SurgicalApproach approach = code(in, "approach", true, SurgicalApproach.class);
        List<Implant> implants = new ArrayList<>();
        List<JsonInput> implantInputs = in.objects("implants", true);
        for (int i = 0; i < implantInputs.size(); i++) {
            JsonInput im = implantInputs.get(i);
            String manufacturer = im.text("manufacturer", true, TEXT_MAX);
            String model = im.text("model", true, TEXT_MAX);
            Integer count = im.integer("count", true, 1, 50);
            List<String> sizes = im.texts("sizes", false, 50, 50);
            String udi = im.text("udi", false, 200);
            if (ctx.fresh() && udi != null && !Implant.plausibleUdi(udi)) {
                im.addError("udi", "is not a GS1 (01 + 14-digit GTIN ...) or HIBCC (+ and labeler code ...) UDI");
            }
            Boolean transfixing = im.bool("transfixing", true);
            if (count != null && transfixing != null) {
                implants.add(new Implant(manufacturer, model, count, sizes, udi, transfixing));
            }
        }
        Anaesthesia anaesthesia = code(in, "anaesthesia", true, Anaesthesia.class);
        Integer minutes = in.integer("operativeMinutes", false, 0, 1440);
        Integer bloodLoss = in.integer("bloodLossMl", false, 0, 20_000);
        Integer stay = in.integer("lengthOfStayDays", false, 0, 365);
        SiteOfService site = code(in, "siteOfService", true, SiteOfService.class);
        List<String> steps = in.texts("steps", false, 50, 64);
        if (ctx.fresh() && approach != null && steps != null) {
            SurgeryContent.Checklist checklist = ctx.content().checklist(approach).orElseThrow();
            for (int i = 0; i < steps.size(); i++) {
                if (!checklist.has(steps.get(i))) {
                    in.addError("steps[" + i + "]", "is not a step of the " + Codes.of(approach) + " checklist: "
                            + String.join(", ", checklist.steps().stream().map(SurgeryContent.Step::code).toList()));
                } else if (steps.indexOf(steps.get(i)) != i) {
                    in.addError("steps[" + i + "]", "names " + steps.get(i) + " twice");
                }
            }
        }
        String cpt = in.text("cpt", true, 5);
        Boolean revision = in.bool("revision", false);
        boolean isRevision = Boolean.TRUE.equals(revision);
        String revisionReason = in.code("revisionReason", false, r -> REVISION_REASONS.contains(r) ? java.util.Optional.of(r)
                : java.util.Optional.empty(), REVISION_REASONS);
        String complication = in.text("complicationId", false, 36);
        UUID complicationId = null;
        if (complication != null) {
            try {
                complicationId = UUID.fromString(complication);
            } catch (IllegalArgumentException e) {
                in.addError("complicationId", "must be the id of a complication of this episode");
            }
        }
        if (isRevision && revisionReason == null && !in.has("revisionReason")) {
            in.addError("revisionReason", "is required for a revision: one of " + String.join(", ", REVISION_REASONS));
        }
        if (!isRevision && revisionReason != null) {
            in.addError("revisionReason", "applies only to a revision (revision: true)");
        }
        if (!isRevision && in.has("complicationId")) {
            in.addError("complicationId", "applies only to a revision (revision: true)");
        }
        String notes = in.text("notes", false, NOTES_MAX);
        if (cpt != null && !cpt.matches("\\d{5}|\\d{4}T")) {
            in.addError("cpt", "must be a CPT code such as 27279");
            cpt = null;
        }
        Procedure p = new Procedure(date, surgeon, side, approach, implants, anaesthesia, minutes, bloodLoss, stay, site, steps, cpt,
                isRevision, revisionReason, complicationId, notes);
        tools.jackson.databind.JsonNode rawImplants = in.readOnly("implants");
        boolean implantsRead = rawImplants != null && rawImplants.isArray() && implants.size() == rawImplants.size();
        if (ctx.fresh() && cpt != null && date != null && approach != null && implantsRead) {
            List<String> contradictions = CodingRule.check(ctx.content().codingRules(), cpt, date, approach, p.transfixing());
            if (!contradictions.isEmpty()) {
                in.addError("cpt", String.join("; ", contradictions));
            }
        }
        return p;
    }

    public static Map<String, Object> write(Procedure p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", p.date().toString());
        out.put("surgeon", p.surgeon());
        out.put("side", Codes.of(p.side()));
        out.put("approach", Codes.of(p.approach()));
        List<Map<String, Object>> implants = new ArrayList<>();
        for (Implant i : p.implants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("manufacturer", i.manufacturer());
            m.put("model", i.model());
            m.put("count", i.count());
            m.put("sizes", i.sizes());
            putIf(m, "udi", i.udi());
            m.put("transfixing", i.transfixing());
            implants.add(m);
        }
        out.put("implants", implants);
        out.put("anaesthesia", Codes.of(p.anaesthesia()));
        putIf(out, "operativeMinutes", p.operativeMinutes());
        putIf(out, "bloodLossMl", p.bloodLossMl());
        putIf(out, "lengthOfStayDays", p.lengthOfStayDays());
        out.put("siteOfService", Codes.of(p.siteOfService()));
        out.put("steps", p.steps());
        out.put("cpt", p.cpt());
        out.put("revision", p.revision());
        putIf(out, "revisionReason", p.revisionReason());
        putIf(out, "complicationId", p.complicationId() == null ? null : p.complicationId().toString());
        putIf(out, "notes", p.notes());
        return out;
    }

    public static Complication readComplication(JsonInput in, Context ctx) {
        String code = in.text("code", true, 64);
        if (ctx.fresh() && code != null && ctx.content().complication(code).isEmpty()) {
            in.addError("code", "is not in the complication catalogue: " + String.join(", ",
                    ctx.content().catalogue().stream().map(SurgeryContent.CatalogueEntry::code).toList()));
        }
        LocalDate onset = in.date("onsetDate", true);
        LocalDate resolved = in.date("resolutionDate", false);
        if (ctx.fresh()) {
            if (onset != null && onset.isAfter(ctx.latestToday())) {
                in.addError("onsetDate", "must not be in the future");
            }
            if (resolved != null && resolved.isAfter(ctx.latestToday())) {
                in.addError("resolutionDate", "must not be in the future");
            }
        }
        Reporter reporter = code(in, "reportedBy", true, Reporter.class);
        ClavienDindo grade = in.code("grade", true, ClavienDindo::fromCode, ClavienDindo.codes());
        Relatedness device = code(in, "deviceRelation", true, Relatedness.class);
        Relatedness procedure = code(in, "procedureRelation", true, Relatedness.class);
        Boolean serious = in.bool("serious", true);
        Resolution resolution = code(in, "resolution", true, Resolution.class);
        String notes = in.text("notes", false, NOTES_MAX);
        Complication c = new Complication(code, onset, reporter, grade, device, procedure, Boolean.TRUE.equals(serious), resolution,
                resolved, notes);
        if (ctx.fresh()) {
            c.problems().forEach(e -> in.addError(e.field(), e.message()));
        }
        return c;
    }

    public static Map<String, Object> write(Complication c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", c.code());
        out.put("onsetDate", c.onsetDate().toString());
        out.put("reportedBy", Codes.of(c.reportedBy()));
        out.put("grade", c.grade().code());
        out.put("deviceRelation", Codes.of(c.deviceRelation()));
        out.put("procedureRelation", Codes.of(c.procedureRelation()));
        out.put("serious", c.serious());
        out.put("resolution", Codes.of(c.resolution()));
        putIf(out, "resolutionDate", c.resolutionDate() == null ? null : c.resolutionDate().toString());
        putIf(out, "notes", c.notes());
        return out;
    }

    private static <E extends Enum<E>> E code(JsonInput in, String field, boolean required, Class<E> type) {
        return in.code(field, required, c -> Codes.parse(type, c), Codes.all(type));
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
