package org.ilium.interop.fhir;

import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Procedure;
import org.ilium.surgery.ProcedureRecord;
import org.ilium.surgery.domain.ProcedureSide;

/** An operation as a Procedure: CPT code, date, the SI joint(s) fused, surgeon, and the implants as focal devices. */
final class ProcedureMapper {
    private ProcedureMapper() {
    }

    static Procedure map(ProcedureRecord record, UUID patientId, List<Device> devices) {
        org.ilium.surgery.domain.Procedure p = record.procedure();
        Procedure f = new Procedure();
        f.setId(record.id().toString());
        f.getMeta().setVersionId(Integer.toString(record.version()));
        f.setStatus(Procedure.ProcedureStatus.COMPLETED);
        String name = (p.revision() ? "Revision of sacroiliac joint fusion" : "Sacroiliac joint fusion")
                + (p.approach() == null ? "" : ", " + Fhir.words(p.approach()));
        CodeableConcept code = new CodeableConcept().setText(name);
        if (p.cpt() != null) {
            code.addCoding(Fhir.coding(Fhir.CPT, p.cpt(), null));
        }
        f.setCode(code);
        f.setSubject(Fhir.ref("Patient", patientId));
        f.setPerformed(Fhir.dateTime(p.date()));
        if (p.surgeon() != null) {
            f.addPerformer().getActor().setDisplay(p.surgeon());
        }
        f.addBodySite(Fhir.sijBodySite(bodySite(p.side()), p.side() == null ? null
                : p.side() == ProcedureSide.LEFT ? "left" : p.side() == ProcedureSide.RIGHT ? "right" : "bilateral"));
        for (Device d : devices) {
            f.addFocalDevice().setAction(Fhir.text("implanted")).setManipulated(Fhir.ref("Device", d.getIdElement().getIdPart()));
        }
        if (p.revision() && p.complicationId() != null) {
            f.addReasonReference(Fhir.ref("AdverseEvent", p.complicationId()));
        }
        if (p.revision() && p.revisionReason() != null) {
            f.addReasonCode(Fhir.text(p.revisionReason()));
        }
        if (p.notes() != null) {
            f.addNote().setText(p.notes());
        }
        return f;
    }

    static String bodySite(ProcedureSide side) {
        if (side == null) {
            return "Sacroiliac joint";
        }
        switch (side) {
            case LEFT:
                return "Left sacroiliac joint";
            case RIGHT:
                return "Right sacroiliac joint";
            case BILATERAL_SAME_DAY:
                return "Both sacroiliac joints (same day)";
            default:
                return "Both sacroiliac joints (staged)";
        }
    }
}
