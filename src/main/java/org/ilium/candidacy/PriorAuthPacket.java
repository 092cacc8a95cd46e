package org.ilium.candidacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Evidence;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.ProvocationCluster;
import org.ilium.shared.ConflictException;
import org.ilium.shared.document.DocumentRenderer;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.PlannedProcedure;

/**
 * The prior-authorisation packet for one episode and one policy: patient and episode, the planned
 * procedure, every criterion with its evidence and source, and the signing physician's attestation.
 * It is refused unless the determination is ELIGIBLE, except as a draft marked DRAFT on every page.
 */
public record PriorAuthPacket(Patient patient, Episode episode, PolicyInfo policy, Determination determination,
        PlannedCode plannedCpt, PlannedProcedure plan, Physician physician, boolean draft, Instant generatedAt) {

    public record Patient(String name, String mrn, LocalDate birthDate, String sex) {
    }

    public record Episode(String id, String side, String status) {
    }

    public record PolicyInfo(String id, String name, String version, String publisher, LocalDate effectiveFrom,
            LocalDate effectiveTo) {
    }

    public record PlannedCode(String code, String summary) {
    }

    public record Physician(String name, String npi) {
    }

    /** Throws 409 with the reasons when the determination does not support a request and no draft was asked for. */
    public PriorAuthPacket {
        if (!draft && determination.outcome() != Outcome.ELIGIBLE) {
            throw new ConflictException("No prior-authorisation packet for a determination that is "
                    + determination.outcome().name().toLowerCase().replace('_', ' ') + " under " + policy.name()
                    + ": " + String.join("; ", reasons(determination)) + ". Ask for a draft to review it anyway");
        }
    }

    /** Why a determination is not ELIGIBLE: each failed criterion, then each missing item. */
    public static List<String> reasons(Determination d) {
        List<String> reasons = new ArrayList<>();
        for (CriterionResult c : d.criteria()) {
            if (c.status() == CriterionStatus.NOT_MET) {
                reasons.add(c.title() + " not met: " + c.explanation());
            }
        }
        d.missing().forEach(m -> reasons.add("missing: " + m));
        return reasons;
    }

    public String html(DocumentRenderer renderer) {
        return renderer.html("prior-authorisation", model());
    }

    public byte[] pdf(DocumentRenderer renderer) {
        return renderer.pdf(html(renderer));
    }

    private Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        LocalDate on = determination.evaluationDate();
        m.put("draft", draft);
        m.put("generatedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(generatedAt.atOffset(ZoneOffset.UTC)));
        m.put("policy", Map.of("name", policy.name(), "publisher", policy.publisher(), "version", policy.version(),
                "effective", policy.effectiveFrom() + (policy.effectiveTo() == null ? " onwards" : " to " + policy.effectiveTo())));
        m.put("outcome", determination.outcome().name());
        m.put("outcomeText", switch (determination.outcome()) {
            case ELIGIBLE -> "every coverage criterion is met";
            case NOT_ELIGIBLE -> "not eligible: at least one criterion is not met";
            case INCOMPLETE -> "incomplete: no criterion fails, but some cannot be decided yet";
        });
        m.put("evaluationDate", on);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", patient.name());
        p.put("mrn", patient.mrn());
        p.put("birthDate", patient.birthDate());
        p.put("age", patient.birthDate() == null ? "?" : Period.between(patient.birthDate(), on).getYears());
        p.put("sex", patient.sex());
        m.put("patient", p);
        m.put("episode", Map.of("id", episode.id(), "side", episode.side(), "status", episode.status().replace('_', ' ')));
        m.put("plannedCpt", Map.of("code", plannedCpt.code(), "summary", plannedCpt.summary()));
        if (plan != null) {
            Map<String, Object> pl = new LinkedHashMap<>();
            pl.put("approach", plan.approach() == null ? null : Codes.of(plan.approach()).replace('_', ' '));
            pl.put("device", plan.device());
            pl.put("plannedDate", plan.plannedDate());
            m.put("plan", pl);
        } else {
            m.put("plan", null);
        }
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (CriterionResult c : determination.criteria()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", c.title());
            row.put("exclusion", c.exclusion());
            row.put("status", c.status().name());
            row.put("statusText", c.status().name().replace('_', ' '));
            row.put("explanation", c.explanation());
            row.put("evidence", c.evidence().stream().map(PriorAuthPacket::evidence).toList());
            row.put("missing", c.status() == CriterionStatus.UNKNOWN ? c.missing() : null);
            row.put("citation", cite(c.citation()));
            criteria.add(row);
        }
        m.put("criteria", criteria);
        m.put("missing", determination.missing());
        ProvocationCluster cluster = determination.provocationCluster();
        m.put("cluster", cluster == null ? "No provocation tests recorded." : cluster.interpretation());
        m.put("clusterCitation", cluster == null ? null : cite(cluster.citation()));
        m.put("physician", Map.of("name", physician.name(), "npi", physician.npi() == null ? "" : physician.npi()));
        return m;
    }

    private static String evidence(Evidence e) {
        return (e.date() == null ? "" : e.date() + ": ") + e.description() + (e.value() == null ? "" : " (" + e.value() + ")")
                + (e.recordId() == null ? "" : " [" + e.recordId() + "]");
    }

    private static String cite(Citation c) {
        if (c == null) {
            return "";
        }
        return c.source() + (c.detail() == null ? "" : ", " + c.detail()) + (c.url() == null ? "" : " (" + c.url() + ")");
    }
}
