package org.ilium.interop.fhir;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.workup.domain.ConservativeCare;

/**
 * The problem list (conditions and past procedures taken from EHR imports) as Conditions and Procedures, and
 * medication courses of conservative care as MedicationStatements (opioid exposure with its dates; RxNorm when the
 * record names a code, as the EHR import writes it).
 */
final class ProblemListMapper {
    private static final Pattern RXNORM = Pattern.compile("RxNorm (\\d+)(?: ([^)]*))?");

    private ProblemListMapper() {
    }

    static Resource map(FhirExportRepository.Problem problem, UUID patientId) {
        CodeableConcept code = new CodeableConcept(Fhir.coding(problem.system(), problem.code(), problem.display()))
                .setText(problem.display() == null ? problem.code() : problem.display());
        if (problem.kind().equals("procedure")) {
            Procedure p = new Procedure();
            p.setId(problem.id().toString());
            p.setStatus(Procedure.ProcedureStatus.COMPLETED);
            p.setCategory(Fhir.text("Past procedure (problem list, imported)"));
            p.setCode(code);
            p.setSubject(Fhir.ref("Patient", patientId));
            if (problem.onset() != null) {
                p.setPerformed(Fhir.dateTime(problem.onset()));
            }
            return p;
        }
        Condition c = new Condition();
        c.setId(problem.id().toString());
        boolean resolved = problem.abatement() != null;
        c.setClinicalStatus(Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-clinical", resolved ? "resolved" : "active",
                resolved ? "Resolved" : "Active"));
        c.setVerificationStatus(Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
        c.addCategory(Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"));
        c.setCode(code);
        c.setSubject(Fhir.ref("Patient", patientId));
        if (problem.onset() != null) {
            c.setOnset(Fhir.dateTime(problem.onset()));
        }
        if (resolved) {
            c.setAbatement(Fhir.dateTime(problem.abatement()));
        }
        return c;
    }

    static MedicationStatement medication(ConservativeCare care, UUID patientId) {
        MedicationStatement m = new MedicationStatement();
        m.setId(care.id());
        m.setStatus(care.end() == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : MedicationStatement.MedicationStatementStatus.COMPLETED);
        String text = care.detail() == null ? "Medication for sacroiliac joint pain" : care.detail();
        CodeableConcept drug = new CodeableConcept().setText(text);
        Matcher rx = RXNORM.matcher(text);
        if (rx.find()) {
            drug.addCoding(Fhir.coding(ImportCodes.RXNORM, rx.group(1), rx.group(2) == null || rx.group(2).isBlank() ? null : rx.group(2).strip()));
        }
        m.setMedication(drug);
        m.setSubject(Fhir.ref("Patient", patientId));
        m.setEffective(new Period().setStartElement(Fhir.dateTime(care.start())).setEndElement(Fhir.dateTime(care.end())));
        m.setDateAssertedElement(Fhir.dateTime(care.date()));
        m.addReasonCode(Fhir.text("Conservative care of sacroiliac joint pain"));
        if (care.result() != null) {
            m.addNote().setText("Result: " + Fhir.words(care.result()));
        }
        return m;
    }
}
