package org.ilium.interop.fhir;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Site;

/** Ilium's patient as a FHIR Patient: the MRN is an identifier of the site's own system. */
final class PatientMapper {
    private PatientMapper() {
    }

    static Patient map(org.ilium.patient.domain.Patient patient, Site site) {
        PatientDetails d = patient.details();
        Patient p = new Patient();
        p.setId(patient.id().toString());
        p.getMeta().setVersionId(Integer.toString(patient.version()));
        p.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(Fhir.mrnSystem(site.code())).setValue(d.mrn())
                .setType(Fhir.concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))
                .getAssigner().setDisplay(site.name());
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(d.familyName()).addGiven(d.givenName());
        p.setBirthDateElement(Fhir.date(d.birthDate()));
        p.setGender(gender(d.sex()));
        if (d.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone());
        }
        if (d.email() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(d.email());
        }
        return p;
    }

    static AdministrativeGender gender(org.ilium.patient.domain.Sex sex) {
        switch (sex) {
            case FEMALE:
                return AdministrativeGender.FEMALE;
            case MALE:
                return AdministrativeGender.MALE;
            case OTHER:
                return AdministrativeGender.OTHER;
            default:
                return AdministrativeGender.UNKNOWN;
        }
    }
}
