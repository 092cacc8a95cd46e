package org.ilium.workup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupItem;

/**
 * A work-up record as JSON fields (codes in lower case, derived values such as the ODI score
 * included). What it writes, {@link WorkupReader} reads back; derived fields are ignored on reading.
 */
public final class WorkupWriter {
    private WorkupWriter() {
    }

    public static Map<String, Object> write(WorkupItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("date", item.date());
        m.put("recordedBy", item.recordedBy());
        m.put("source", item.source());
        if (item instanceof PainScore p) {
            m.put("nrs", p.nrs());
            m.put("vas", p.vas());
            m.put("side", Codes.of(p.side()));
            m.put("locations", p.locations().stream().map(Codes::of).toList());
        } else if (item instanceof OdiAssessment o) {
            m.put("sections", o.sections());
            m.put("score", o.score());
            m.put("band", Codes.of(o.band()));
        } else if (item instanceof ProvocationTest t) {
            m.put("test", Codes.of(t.test()));
            m.put("side", Codes.of(t.side()));
            m.put("positive", t.positive());
        } else if (item instanceof FortinFinding f) {
            m.put("side", Codes.of(f.side()));
            m.put("positive", f.positive());
        } else if (item instanceof SijInjection i) {
            m.put("purpose", Codes.of(i.purpose()));
            m.put("side", Codes.of(i.side()));
            m.put("guidance", Codes.of(i.guidance()));
            m.put("contrast", i.contrast());
            m.put("agents", i.agents());
            m.put("painBefore", i.painBefore());
            m.put("painAfter", i.painAfter());
            m.put("reliefPercent", i.reportedReliefPercent());
            m.put("reliefHours", i.reliefHours());
            m.put("computedReliefPercent", i.reliefPercent());
        } else if (item instanceof ConservativeCare c) {
            m.put("type", Codes.of(c.type()));
            m.put("start", c.start());
            m.put("end", c.end());
            m.put("result", Codes.of(c.result()));
            m.put("detail", c.detail());
        } else if (item instanceof Imaging i) {
            m.put("modality", Codes.of(i.modality()));
            m.put("region", Codes.of(i.region()));
            Map<String, Boolean> findings = new LinkedHashMap<>();
            i.findings().forEach((k, v) -> findings.put(WorkupReader.camel(k), v));
            m.put("findings", findings);
            m.put("report", i.report());
        } else if (item instanceof RiskFactor r) {
            m.put("type", Codes.of(r.type()));
            m.put(WorkupReader.fieldOf(r.type().kind()), switch (r.type().kind()) {
                case FLAG -> r.present();
                case VALUE -> r.value();
                case STATUS -> r.status();
            });
            m.put("detail", r.detail());
        } else if (item instanceof SymptomHistory s) {
            m.put("onset", s.onset());
            m.put("unilateral", s.unilateral());
            m.put("caudalToL5", s.caudalToL5());
            m.put("overPosteriorSij", s.overPosteriorSij());
            m.put("functionalImpairment", s.functionalImpairment());
        } else if (item instanceof PlannedProcedure p) {
            m.put("cpt", p.cpt());
            m.put("approach", Codes.of(p.approach()));
            m.put("device", p.device());
            m.put("transfixingDevice", p.transfixingDevice());
            m.put("fdaClearedDevice", p.fdaClearedDevice());
            m.put("bilateralSameDay", p.bilateralSameDay());
            m.put("plannedDate", p.plannedDate());
        }
        return m;
    }
}
