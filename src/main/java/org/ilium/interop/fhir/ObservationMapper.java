package org.ilium.interop.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.ilium.workup.domain.ConservativeCare;

/**
 * Work-up findings as Observations: pain (LOINC 72514-3), ODI (97909-6), provocation tests, diagnostic block
 * relief, smoking status (72166-2) and BMI (39156-5). Other records (imaging, conservative care, ...) are not
 * exported yet. Each Observation keeps the work-up record's UUID as its id.
 */
final class ObservationMapper {
    static final String PAIN_NRS = "72514-3";
    static final String ODI = "97909-6";
    static final String SMOKING = "72166-2";
    static final String BMI = "39156-5";

    private ObservationMapper() {
    }

    /** Every exportable finding of a work-up case. */
    static List<Observation> map(WorkupCase workup, UUID patientId) {
        List<Observation> out = new ArrayList<>();
        for (WorkupItem item : workup.items()) {
            Observation o = map(item, patientId);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * One work-up record as an Observation; null for a medication course (a MedicationStatement). Records without a
     * coded FHIR form of their own (imaging, Fortin finger test, symptom history, ...) get a generic Observation coded
     * in Ilium's work-up code system, so that they travel too (their content is in the record extension).
     */
    static Observation map(WorkupItem item, UUID patientId) {
        if (item instanceof PainScore p) {
            return pain(p, patientId);
        }
        if (item instanceof OdiAssessment o && o.score() != null) {
            return odi(o, patientId);
        }
        if (item instanceof ProvocationTest t) {
            return provocation(t, patientId);
        }
        if (item instanceof SijInjection i && i.purpose() == SijInjection.Purpose.DIAGNOSTIC && i.reliefPercent() != null) {
            return blockRelief(i, patientId);
        }
        if (item instanceof RiskFactor r && r.type() == RiskFactor.Type.SMOKING_STATUS && r.status() != null) {
            return smoking(r, patientId);
        }
        if (item instanceof RiskFactor r && r.type() == RiskFactor.Type.BMI && r.value() != null) {
            return bmi(r, patientId);
        }
        if (item instanceof ConservativeCare c && c.type() == ConservativeCare.Type.MEDICATION) {
            return null;
        }
        return other(item, patientId);
    }

    static Observation other(WorkupItem item, UUID patientId) {
        WorkupKind kind = WorkupKind.of(item);
        String what = switch (kind) {
            case FORTIN, PROVOCATION_TESTS -> "exam";
            case IMAGING -> "imaging";
            case INJECTIONS -> "procedure";
            case RISK_FACTORS, SYMPTOM_HISTORY -> "social-history";
            default -> "therapy";
        };
        Observation o = base(item, patientId, what, what.equals("social-history") ? "Social History"
                : Character.toUpperCase(what.charAt(0)) + what.substring(1));
        String display = "Sacroiliac joint work-up: " + kind.path().replace('-', ' ');
        o.setCode(new CodeableConcept(Fhir.coding(Fhir.codeSystem("workup-record"), kind.path(), display)).setText(display));
        return o;
    }

    static Observation pain(PainScore p, UUID patientId) {
        Observation o = base(p, patientId, "survey", "Survey");
        if (p.nrs() != null) {
            o.setCode(Fhir.concept(Fhir.LOINC, PAIN_NRS, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
            o.setValue(new IntegerType(p.nrs()));
        } else {
            o.setCode(Fhir.text("Pain intensity, visual analogue scale 0-100 mm"));
            o.setValue(new Quantity().setValue(p.vas()).setUnit("mm").setSystem(Fhir.UCUM).setCode("mm"));
        }
        String where = p.locations() == null || p.locations().isEmpty() ? "" : " (" + p.locations().stream()
                .map(Fhir::words).sorted().collect(Collectors.joining(", ")) + ")";
        if (p.side() != null || !where.isEmpty()) {
            o.setBodySite(Fhir.text((p.side() == null ? "Sacroiliac joint region" : sideWord(p.side()) + " sacroiliac joint region") + where));
        }
        return o;
    }

    static Observation odi(OdiAssessment a, UUID patientId) {
        Observation o = base(a, patientId, "survey", "Survey");
        o.setCode(Fhir.concept(Fhir.LOINC, ODI, "Oswestry Disability Index score"));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(a.score()).setScale(1, RoundingMode.HALF_UP)).setUnit("%")
                .setSystem(Fhir.UCUM).setCode("%"));
        for (int i = 0; i < a.sections().size(); i++) {
            Integer answer = a.sections().get(i);
            if (answer != null) {
                String section = "s" + (i + 1);
                o.addComponent().setCode(new CodeableConcept(Fhir.coding(Fhir.codeSystem("odi-section"), section, "ODI section " + (i + 1)))
                        .setText("ODI section " + (i + 1))).setValue(new IntegerType(answer));
            }
        }
        o.setNote(List.of(new org.hl7.fhir.r4.model.Annotation().setText(a.answered() + " of " + OdiAssessment.SECTIONS
                + " sections answered; band " + Fhir.words(a.band()))));
        return o;
    }

    static Observation provocation(ProvocationTest t, UUID patientId) {
        Observation o = base(t, patientId, "exam", "Exam");
        String name = testName(t.test());
        o.setCode(new CodeableConcept(Fhir.coding(Fhir.codeSystem("provocation-test"), t.test().name().toLowerCase(java.util.Locale.ROOT), name))
                .setText("SI joint provocation test: " + name));
        o.setValue(new BooleanType(t.positive()));
        o.addInterpretation(t.positive() ? Fhir.concept(Fhir.INTERPRETATION, "POS", "Positive")
                : Fhir.concept(Fhir.INTERPRETATION, "NEG", "Negative"));
        if (t.side() != null) {
            o.setBodySite(Fhir.sijBodySite(sideWord(t.side()) + " sacroiliac joint", t.side().code()));
        }
        return o;
    }

    static Observation blockRelief(SijInjection i, UUID patientId) {
        Observation o = base(i, patientId, "procedure", "Procedure");
        o.setCode(Fhir.text("Pain relief after diagnostic sacroiliac joint block"));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(i.reliefPercent()).setScale(1, RoundingMode.HALF_UP)).setUnit("%")
                .setSystem(Fhir.UCUM).setCode("%"));
        if (i.side() != null) {
            o.setBodySite(Fhir.sijBodySite(sideWord(i.side()) + " sacroiliac joint", i.side().code()));
        }
        List<String> how = new ArrayList<>();
        if (i.guidance() != null) {
            how.add(Fhir.words(i.guidance()) + " guided");
        }
        if (i.agents() != null && !i.agents().isEmpty()) {
            how.add(String.join(", ", i.agents()));
        }
        if (i.painBefore() != null && i.painAfter() != null) {
            how.add("pain " + i.painBefore() + " -> " + i.painAfter() + " of 10");
        }
        if (i.reliefHours() != null) {
            how.add("relief lasted " + i.reliefHours() + " h");
        }
        if (!how.isEmpty()) {
            o.setMethod(Fhir.text(String.join("; ", how)));
        }
        return o;
    }

    static Observation smoking(RiskFactor r, UUID patientId) {
        Observation o = base(r, patientId, "social-history", "Social History");
        o.setCode(Fhir.concept(Fhir.LOINC, SMOKING, "Tobacco smoking status"));
        switch (r.status()) {
            case "never":
                o.setValue(Fhir.concept(Fhir.SNOMED, "266919005", "Never smoked tobacco"));
                break;
            case "former":
                o.setValue(Fhir.concept(Fhir.SNOMED, "8517006", "Ex-smoker"));
                break;
            case "current":
                o.setValue(Fhir.concept(Fhir.SNOMED, "77176002", "Smoker"));
                break;
            default:
                o.setValue(Fhir.text(r.status()));
        }
        return o;
    }

    static Observation bmi(RiskFactor r, UUID patientId) {
        Observation o = base(r, patientId, "vital-signs", "Vital Signs");
        o.setCode(Fhir.concept(Fhir.LOINC, BMI, "Body mass index (BMI) [Ratio]"));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(r.value())).setUnit("kg/m2").setSystem(Fhir.UCUM).setCode("kg/m2"));
        return o;
    }

    private static Observation base(WorkupItem item, UUID patientId, String category, String categoryDisplay) {
        Observation o = new Observation();
        o.setId(item.id());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(Fhir.concept(Fhir.OBSERVATION_CATEGORY, category, categoryDisplay));
        o.setSubject(Fhir.ref("Patient", patientId));
        o.setEffective(Fhir.dateTime(item.date()));
        return o;
    }

    static String sideWord(Side side) {
        switch (side) {
            case LEFT:
                return "Left";
            case RIGHT:
                return "Right";
            default:
                return "Both";
        }
    }

    static String testName(org.ilium.workup.domain.ProvocationTestType type) {
        switch (type) {
            case DISTRACTION:
                return "Distraction test";
            case THIGH_THRUST:
                return "Thigh thrust test";
            case COMPRESSION:
                return "Compression test";
            case SACRAL_THRUST:
                return "Sacral thrust test";
            case GAENSLEN:
                return "Gaenslen's test";
            default:
                return "FABER (Patrick's) test";
        }
    }
}
