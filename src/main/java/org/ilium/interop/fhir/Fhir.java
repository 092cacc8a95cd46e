package org.ilium.interop.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;

/** Code systems, URLs and small helpers the mappers share. */
final class Fhir {
    /** Canonical base of the artefacts Ilium defines itself (code systems, questionnaires, extensions). */
    static final String BASE = "https://ilium.example.org/fhir";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String CLAVIEN_DINDO_EXTENSION = BASE + "/StructureDefinition/clavien-dindo-grade";
    static final String CLAVIEN_DINDO_SYSTEM = BASE + "/CodeSystem/clavien-dindo";

    /** On Ilium's own resources: the record as Ilium's REST API takes it (JSON), so that Ilium's import restores it whole. */
    static final String RECORD_EXTENSION = BASE + "/StructureDefinition/record";
    /** On work-up, surgery and questionnaire resources: the EpisodeOfCare they belong to. */
    static final String EPISODE_EXTENSION = BASE + "/StructureDefinition/episode";
    static final String SITE_SOURCE_PREFIX = "urn:ilium:site:";
    /** On a bodySite: its laterality, a SNOMED qualifier of FHIR's bodysite-laterality value set (R4 has no element for it). */
    static final String LATERALITY_EXTENSION = BASE + "/StructureDefinition/laterality";
    /** SNOMED 39723000 Sacroiliac joint structure (FHIR value set body-site). */
    static final String SIJ_STRUCTURE = "39723000";

    private Fhir() {
    }

    /** The identifier system of MRNs of one site. */
    static String mrnSystem(String siteCode) {
        return "urn:ilium:site:" + siteCode + ":mrn";
    }

    /** meta.source of what a site exports: Ilium's import knows its own resources by it (with the record extension). */
    static String siteSource(String siteCode) {
        return SITE_SOURCE_PREFIX + siteCode;
    }

    static String codeSystem(String name) {
        return BASE + "/CodeSystem/" + name;
    }

    static Coding coding(String system, String code, String display) {
        return new Coding(system, code, display);
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(coding(system, code, display)).setText(display);
    }

    static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    static Reference ref(String type, Object id) {
        return new Reference(type + "/" + id);
    }

    /** A stable id for something Ilium stores without one of its own (an implant of a procedure, say). */
    static String derivedId(Object owner, String part) {
        return UUID.nameUUIDFromBytes((owner + "/" + part).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A FHIR id: letters, digits, '-' and '.', so instrument ids such as back_pain_nrs become back-pain-nrs. */
    static String id(String code) {
        return code.replace('_', '-');
    }

    static DateType date(LocalDate date) {
        return date == null ? null : new DateType(date.toString());
    }

    static DateTimeType dateTime(LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString());
    }

    static Date day(LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString()).getValue();
    }

    /**
     * The SI joint as a bodySite: SNOMED's sacroiliac joint structure, the text naming the side, and the laterality
     * (SNOMED 7771000 left, 24028007 right, 51440002 right and left: FHIR value set bodysite-laterality); side null: none.
     */
    static CodeableConcept sijBodySite(String text, String side) {
        CodeableConcept site = new CodeableConcept(coding(SNOMED, SIJ_STRUCTURE, "Sacroiliac joint structure")).setText(text);
        if (side != null) {
            String[] lat = switch (side) {
                case "left" -> new String[] {"7771000", "Left"};
                case "right" -> new String[] {"24028007", "Right"};
                default -> new String[] {"51440002", "Right and left"};
            };
            site.addExtension(LATERALITY_EXTENSION, concept(SNOMED, lat[0], lat[1]));
        }
        return site;
    }

    /** Words of an enum code: thigh_thrust -> thigh thrust. */
    static String words(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
