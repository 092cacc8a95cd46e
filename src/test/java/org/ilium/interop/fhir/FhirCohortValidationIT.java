package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.Patients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource of a bulk export of a whole cohort passes HAPI's FhirInstanceValidator with the R4 base definitions
 * (the set-up of FhirExportIT): zero errors. The cohort is built by {@link #cohort}; counts of resources and warnings
 * are printed.
 */
class FhirCohortValidationIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    @TempDir
    static Path out;
    static IliumInstance ilium;
    static String siteCode;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        siteCode = ilium.context().getEnvironment().getProperty("ilium.site.code");
        cohort();
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    static Actor actor() {
        return ilium.context().getBean(AccountService.class).commandLineActor(siteCode);
    }

    /**
     * Twenty patients through the API and the EHR import: eight worked up, decided, operated with implants, a
     * complication, questionnaires and follow-up; six closed at referral; six from EHR Bundles (problem list, an opioid
     * course, a past lumbar fusion, pain, smoking and BMI).
     */
    static void cohort() {
        IliumInstance.Client admin = ilium.admin();
        for (int i = 1; i <= 8; i++) {
            FhirExportIT.realisticPatient(admin, "COH-" + i);
        }
        for (int i = 9; i <= 14; i++) {
            String patient = admin.post("/api/v1/patients", IliumInstance.toJson(Patients.with(Patients.margaret(), "mrn", "COH-" + i)))
                    .header("Location");
            IliumInstance.Response opened = admin.post(patient + "/episodes", "{\"side\":\"" + (i % 2 == 0 ? "right" : "bilateral")
                    + "\",\"reason\":\"Referred by GP\"}");
            IliumInstance.Response closed = admin.send("POST", opened.header("Location") + "/transitions",
                    "{\"to\":\"closed\",\"reason\":\"patient declined\"}", "If-Match", opened.header("ETag"));
            assertThat(closed.status()).as(closed.body()).isIn(200, 201);
        }
        FhirImport importer = ilium.context().getBean(FhirImport.class);
        for (int i = 15; i <= 20; i++) {
            String p = "urn:uuid:00000000-0000-4000-8000-0000000000" + i;
            org.hl7.fhir.r4.model.Bundle b = FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"fullUrl":"%1$s","resource":{"resourceType":"Patient","identifier":[{"system":"urn:ehr","value":"COH-%2$d"}],
                      "name":[{"family":"Ehr","given":["Pat"]}],"gender":"%3$s","birthDate":"1968-0%4$d-11"}},
                     {"fullUrl":"%1$s-c","resource":{"resourceType":"Condition","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M53.3","display":"Sacrococcygeal disorders"}]},
                      "onsetDateTime":"2018-0%4$d-01"}},
                     {"fullUrl":"%1$s-m","resource":{"resourceType":"MedicationRequest","status":"completed","intent":"order",
                      "subject":{"reference":"%1$s"},"authoredOn":"2019-02-0%4$d",
                      "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"10689","display":"tramadol"}]}}},
                     {"fullUrl":"%1$s-p","resource":{"resourceType":"Procedure","status":"completed","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"22612","display":"Lumbar arthrodesis"}]},
                      "performedDateTime":"2012-05-0%4$d"}},
                     {"fullUrl":"%1$s-o1","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2021-03-0%4$d","valueQuantity":{"value":%4$d}}},
                     {"fullUrl":"%1$s-o2","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},"effectiveDateTime":"2021-03-0%4$d",
                      "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"%5$s"}]}}},
                     {"fullUrl":"%1$s-o3","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"39156-5"}]},"effectiveDateTime":"2021-03-0%4$d",
                      "valueQuantity":{"value":2%4$d.4,"unit":"kg/m2"}}}]}
                    """.formatted(p, i, i % 2 == 0 ? "female" : "male", i - 14, i % 3 == 0 ? "77176002" : "8517006"));
            ImportSummary summary = CurrentActor.callAs(actor(), () -> importer.importBundle(b, null));
            assertThat(summary.rejected()).isEmpty();
        }
    }

    @Test
    void everyExportedResourceOfTheCohortValidatesWithoutErrors() throws IOException {
        BulkExport bulk = ilium.context().getBean(BulkExport.class);
        Map<String, Integer> counts = CurrentActor.callAs(actor(), () -> {
            try {
                return bulk.write(out, BulkExport.types(null), null, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("cohort export: " + counts);
        List<Resource> all = new ArrayList<>();
        for (String type : counts.keySet()) {
            try (Stream<String> lines = Files.lines(out.resolve(type + ".ndjson"))) {
                lines.forEach(l -> all.add((Resource) FHIR.newJsonParser().parseResource(l)));
            }
        }
        assertThat(counts).containsKeys("Patient", "EpisodeOfCare", "Observation", "Procedure", "Device", "AdverseEvent",
                "QuestionnaireResponse", "CarePlan", "Questionnaire");
        FhirValidator validator = FhirExportIT.validator(all);
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        long t0 = System.nanoTime();
        for (Resource r : all) {
            for (SingleValidationMessage m : validator.validateWithResult(r).getMessages()) {
                if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + m.getLocationString() + ": " + m.getMessage());
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings.merge(r.fhirType(), 1, Integer::sum);
                    kinds.merge(m.getMessage().replaceAll("'[^']*'", "'.'").replaceAll("https?://[^ ]*", "<url>"), 1, Integer::sum);
                }
            }
        }
        System.out.printf("cohort validated %d resources in %.1f s: errors %d, warnings %s%n", all.size(), (System.nanoTime() - t0) / 1e9,
                errors.size(), warnings);
        kinds.forEach((k, n) -> System.out.println("  warning x" + n + ": " + k));
        errors.stream().limit(50).forEach(System.out::println);
        assertThat(errors).isEmpty();
    }
}
