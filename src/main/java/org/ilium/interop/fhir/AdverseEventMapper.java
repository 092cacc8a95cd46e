package org.ilium.interop.fhir;

import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Coding;
import org.ilium.surgery.ComplicationRecord;
import org.ilium.surgery.domain.ClavienDindo;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Relatedness;

/**
 * A complication as an AdverseEvent. The Clavien-Dindo grade travels in an Ilium extension (a Coding of Ilium's
 * Clavien-Dindo code system) and, coarsely, as FHIR's severity: grade I mild, II moderate, III and above severe.
 * The episode's procedures are the suspect entities when the complication is related to the procedure or device.
 */
final class AdverseEventMapper {
    private AdverseEventMapper() {
    }

    static AdverseEvent map(ComplicationRecord record, String catalogueName, UUID patientId, List<String> procedureIds,
            List<String> deviceIds) {
        Complication c = record.complication();
        AdverseEvent a = new AdverseEvent();
        a.setId(record.id().toString());
        a.getMeta().setVersionId(Integer.toString(record.version()));
        a.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        a.setEvent(new org.hl7.fhir.r4.model.CodeableConcept(Fhir.coding(Fhir.codeSystem("complication"), c.code(), catalogueName))
                .setText(catalogueName == null ? c.code() : catalogueName));
        a.setSubject(Fhir.ref("Patient", patientId));
        if (c.onsetDate() != null) {
            a.setDateElement(Fhir.dateTime(c.onsetDate()));
        }
        a.setSeriousness(c.serious()
                ? Fhir.concept("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "Serious", "Serious")
                : Fhir.concept("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "Non-serious", "Non-serious"));
        if (c.grade() != null) {
            String severity = severity(c.grade());
            a.setSeverity(Fhir.concept("http://terminology.hl7.org/CodeSystem/adverse-event-severity", severity,
                    Character.toUpperCase(severity.charAt(0)) + severity.substring(1)));
            a.addExtension(Fhir.CLAVIEN_DINDO_EXTENSION, new Coding(Fhir.CLAVIEN_DINDO_SYSTEM, c.grade().code(),
                    "Clavien-Dindo grade " + c.grade().code()));
        }
        if (c.resolution() != null) {
            a.setOutcome(outcome(c.resolution()));
        }
        if (related(c.procedureRelation())) {
            for (String id : procedureIds) {
                a.addSuspectEntity().setInstance(Fhir.ref("Procedure", id)).addCausality()
                        .setAssessment(Fhir.text("procedure " + Fhir.words(c.procedureRelation())));
            }
        }
        if (related(c.deviceRelation())) {
            for (String id : deviceIds) {
                a.addSuspectEntity().setInstance(Fhir.ref("Device", id)).addCausality()
                        .setAssessment(Fhir.text("device " + Fhir.words(c.deviceRelation())));
            }
        }
        return a;
    }

    static boolean related(Relatedness r) {
        return r != null && r != Relatedness.NOT_RELATED;
    }

    static String severity(ClavienDindo grade) {
        switch (grade) {
            case I:
                return "mild";
            case II:
                return "moderate";
            default:
                return "severe";
        }
    }

    static org.hl7.fhir.r4.model.CodeableConcept outcome(org.ilium.surgery.domain.Resolution r) {
        String system = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
        switch (r) {
            case ONGOING:
                return Fhir.concept(system, "ongoing", "Ongoing");
            case RESOLVED:
                return Fhir.concept(system, "resolved", "Resolved");
            case RESOLVED_WITH_SEQUELAE:
                return Fhir.concept(system, "resolvedWithSequelae", "Resolved with Sequelae");
            default:
                return Fhir.concept(system, "fatal", "Fatal");
        }
    }
}
